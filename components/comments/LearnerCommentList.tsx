import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import { formatDateTime } from '@/lib/text/dates'
import './learner-comments.css'

/** A comment as the learner's pages get it (from the DAL, or as JSON from /api/me/comments). */
export interface LearnerComment {
  id: string
  className: string
  courseId: string
  lessonId: string
  authorLabel: string
  body: string
  createdAt: Date | string
  readAt: Date | string | null
}

interface Props {
  comments: readonly LearnerComment[]
  /** the comments to mark "New": unread when the page got them (they stay marked after being read here) */
  fresh: ReadonlySet<string>
  /** the lesson each comment is about, as a link (My progress); left out beside the exercise itself */
  lessonOf?: (comment: LearnerComment) => { href: string; title: string } | null
}

/** Comments from a learner's teachers, newest first: who wrote it, in which class, when, and what. */
export function LearnerCommentList({ comments, fresh, lessonOf }: Props) {
  const t = useTranslations('comments.learner')
  const locale = useLang()
  return (
    <ol className="learner-comments">
      {comments.map((c) => {
        const lesson = lessonOf?.(c) ?? null
        const isNew = fresh.has(c.id)
        return (
          <li key={c.id} className="learner-comment" data-new={isNew ? 'true' : undefined} data-testid="learner-comment">
            <p className="learner-comment-meta">
              {isNew && <span className="learner-comment-new">{t('new')}</span>}
              <span>{t('meta', { author: c.authorLabel, className: c.className, date: formatDateTime(c.createdAt, locale) })}</span>
            </p>
            <p className="learner-comment-body">{c.body}</p>
            {lesson && (
              <p className="learner-comment-lesson">
                <Link href={lesson.href}>{t('lessonLink', { lesson: lesson.title })}</Link>
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
