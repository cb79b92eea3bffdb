import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export interface CourseMapLesson {
  id: string
  number: number
  title: string
  status: 'completed' | 'started' | null
}

/** The course at a glance from inside a lesson: where you are, what is done, a progress bar. */
export async function CourseMap({ courseId, lessons, currentId }: { courseId: string; lessons: CourseMapLesson[]; currentId: string }) {
  const t = await getTranslations('course')
  const tl = await getTranslations('lesson')
  const done = lessons.filter((l) => l.status === 'completed').length
  const percent = Math.round((done / lessons.length) * 100)
  return (
    <details className="course-map">
      <summary>
        {tl('courseMap')} · {t('progress', { done, total: lessons.length })}
      </summary>
      <div className="progress-bar" role="progressbar" aria-label={t('progress', { done, total: lessons.length })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <ol>
        {lessons.map((l) => (
          <li key={l.id} data-status={l.status ?? 'none'}>
            <Link href={`/courses/${courseId}/${l.id}`} aria-current={l.id === currentId ? 'page' : undefined}>
              <span aria-hidden="true">{l.status === 'completed' ? '✓' : l.status === 'started' ? '◐' : '○'}</span> {l.number}. {l.title}
              <span className="visually-hidden"> — {l.status === 'completed' ? t('completed') : l.status === 'started' ? t('started') : t('notStarted')}</span>
            </Link>
          </li>
        ))}
      </ol>
    </details>
  )
}
