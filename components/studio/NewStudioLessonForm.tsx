'use client'
import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import type { CreateStudioLessonState } from '@/app/[locale]/studio/actions'
import { NEW_COURSE } from './new-course-choice'

interface CourseChoice {
  id: string
  title: string
  /** a file course (content/) or a studio course, which has no file lessons of its own to copy */
  kind: 'file' | 'studio'
  /** the course's lessons in order (file and studio), for "comes after" */
  lessons: Array<{ id: string; title: string; file: boolean }>
}

const idPattern = '[a-z0-9]+(-[a-z0-9]+)*'

/**
 * Starts a studio lesson: in which course (or a new studio course, whose id, titles and descriptions then appear),
 * its id, where it goes, and from the template or a copy of a file lesson. `createAction` is the server action, from the
 * page (components never import app/).
 */
export function NewStudioLessonForm({
  courses,
  createAction,
}: {
  courses: CourseChoice[]
  createAction: (state: CreateStudioLessonState, form: FormData) => Promise<CreateStudioLessonState>
}) {
  const t = useTranslations('studio.new')
  const [state, action, pending] = useActionState<CreateStudioLessonState, FormData>(createAction, { error: null })
  const [courseId, setCourseId] = useState(courses[0]?.id ?? NEW_COURSE)
  const newCourse = courseId === NEW_COURSE
  const course = courses.find((c) => c.id === courseId)
  // a lesson of a file course copies that course's file lessons; one of a studio course, any file course's
  const copies =
    course?.kind === 'file'
      ? course.lessons.filter((l) => l.file).map((l) => ({ value: l.id, label: t('copyOf', { title: l.title }) }))
      : courses
          .filter((c) => c.kind === 'file')
          .flatMap((c) =>
            c.lessons
              .filter((l) => l.file)
              .map((l) => ({ value: `${c.id}/${l.id}`, label: t('copyOf', { title: `${c.title} · ${l.title}` }) })),
          )
  const courseError = state.error === 'course_id' || state.error === 'file_course' || state.error === 'course_exists'
  const given = state.course
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
          <option value={NEW_COURSE}>{t('newCourse')}</option>
        </select>
      </p>
      {newCourse && (
        <fieldset className="studio-new-course" data-testid="new-course-fields">
          <legend>{t('newCourseLegend')}</legend>
          <p>
            <label htmlFor="new-course-id">{t('courseId')}</label>
            <input
              id="new-course-id"
              name="newCourseId"
              required
              pattern={idPattern}
              maxLength={60}
              autoComplete="off"
              defaultValue={given?.newCourseId}
              aria-describedby="new-course-id-help"
              aria-invalid={courseError || undefined}
            />
            <small id="new-course-id-help" className="muted">
              {t('courseIdHelp')}
            </small>
          </p>
          <p>
            <label htmlFor="new-course-title-ko">{t('titleKo')}</label>
            <input
              id="new-course-title-ko"
              name="titleKo"
              lang="ko"
              required
              maxLength={120}
              defaultValue={given?.titleKo}
              aria-invalid={state.error === 'course_text' || undefined}
            />
          </p>
          <p>
            <label htmlFor="new-course-title-en">{t('titleEn')}</label>
            <input
              id="new-course-title-en"
              name="titleEn"
              lang="en"
              required
              maxLength={120}
              defaultValue={given?.titleEn}
              aria-invalid={state.error === 'course_text' || undefined}
            />
          </p>
          <p>
            <label htmlFor="new-course-description-ko">{t('descriptionKo')}</label>
            <textarea
              id="new-course-description-ko"
              name="descriptionKo"
              lang="ko"
              required
              maxLength={600}
              rows={2}
              defaultValue={given?.descriptionKo}
              aria-invalid={state.error === 'course_text' || undefined}
            />
          </p>
          <p>
            <label htmlFor="new-course-description-en">{t('descriptionEn')}</label>
            <textarea
              id="new-course-description-en"
              name="descriptionEn"
              lang="en"
              required
              maxLength={600}
              rows={2}
              defaultValue={given?.descriptionEn}
              aria-invalid={state.error === 'course_text' || undefined}
            />
          </p>
        </fieldset>
      )}
      <p>
        <label htmlFor="new-id">{t('id')}</label>
        <input id="new-id" name="lessonId" required pattern={idPattern} maxLength={60} aria-describedby="new-id-help" autoComplete="off" />
        <small id="new-id-help" className="muted">
          {t('idHelp')}
        </small>
      </p>
      {!newCourse && (
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
      )}
      <p>
        <label htmlFor="new-from">{t('from')}</label>
        <select id="new-from" name="from" defaultValue="" key={`from-${courseId}`}>
          <option value="">{t('template')}</option>
          {copies.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
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
        {pending ? t('creating') : newCourse ? t('createWithCourse') : t('create')}
      </button>
    </form>
  )
}
