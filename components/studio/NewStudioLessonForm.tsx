'use client'
import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { createStudioLessonAction, type CreateStudioLessonState } from '@/app/[locale]/studio/actions'

interface CourseChoice {
  id: string
  title: string
  /** the course's lessons in order (file and studio), for "comes after" */
  lessons: Array<{ id: string; title: string; file: boolean }>
}

/** Starts a studio lesson: in which course, its id, where it goes, and from the template or a copy of a file lesson. */
export function NewStudioLessonForm({ courses }: { courses: CourseChoice[] }) {
  const t = useTranslations('studio.new')
  const [state, action, pending] = useActionState<CreateStudioLessonState, FormData>(createStudioLessonAction, { error: null })
  const [courseId, setCourseId] = useState(courses[0]?.id ?? '')
  const course = courses.find((c) => c.id === courseId)
  return (
    <form action={action} className="studio-new" data-testid="new-lesson-form">
      <p>
        <label htmlFor="new-course">{t('course')}</label>
        <select id="new-course" name="courseId" value={courseId} onChange={(e) => setCourseId(e.target.value)}>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="new-id">{t('id')}</label>
        <input id="new-id" name="lessonId" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={60} aria-describedby="new-id-help" autoComplete="off" />
        <small id="new-id-help" className="muted">
          {t('idHelp')}
        </small>
      </p>
      <p>
        <label htmlFor="new-after">{t('after')}</label>
        <select id="new-after" name="after" defaultValue={course?.lessons.at(-1)?.id ?? ''} key={courseId}>
          <option value="">{t('first')}</option>
          {course?.lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="new-from">{t('from')}</label>
        <select id="new-from" name="from" defaultValue="" key={`from-${courseId}`}>
          <option value="">{t('template')}</option>
          {course?.lessons
            .filter((l) => l.file)
            .map((l) => (
              <option key={l.id} value={l.id}>
                {t('copyOf', { title: l.title })}
              </option>
            ))}
        </select>
      </p>
      {state.error && (
        <p role="alert" className="form-error" data-testid="new-lesson-error">
          {t(`error.${state.error}`)}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? t('creating') : t('create')}
      </button>
    </form>
  )
}
