import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { CommentForTeacher } from '@/lib/server/dal/comments'
import { formatDateTime } from '@/lib/text/dates'
import './comments.css'

interface Props {
  classId: string
  /** the server action that deletes a comment, from the page (components never import app/) */
  deleteAction: (form: FormData) => Promise<void>
  comments: CommentForTeacher[]
  /** what the list says when empty */
  empty: string
  /** "3. Pod" by lesson id, to say what each comment is about (left out on a page about one submission) */
  lessonTitles?: ReadonlyMap<string, string>
  /** the learner page's address, to link a comment to the attempt it answers */
  submissionHref?: (submissionId: string) => string
}

/** A class's comments to a learner as its teachers see them: newest first, each with its read receipt. */
export function CommentThread({ deleteAction, classId, comments, empty, lessonTitles, submissionHref }: Props) {
  const t = useTranslations('comments.teacher')
  const locale = useLang()
  if (comments.length === 0)
    return (
      <p className="muted" data-testid="comment-thread-empty">
        {empty}
      </p>
    )
  return (
    <ol className="comment-thread" data-testid="comment-thread">
      {comments.map((c) => {
        const written = formatDateTime(c.createdAt, locale)
        const about = [
          lessonTitles ? (lessonTitles.get(c.lessonId) ?? c.lessonId) : null,
          c.groupKey ? t('toGroup', { count: c.groupSize }) : null,
          c.checkId ? t('onCheck', { check: c.checkId }) : null,
        ].filter((part): part is string => part !== null)
        return (
          <li key={c.id} className="comment" data-read={c.readAt ? 'true' : 'false'}>
            <p className="comment-meta">
              <strong>{c.authorLabel}</strong> <span className="muted">· {written}</span>
              {about.length > 0 && <span className="muted"> · {about.join(' · ')}</span>}
              {c.submissionId && submissionHref && (
                <>
                  {' · '}
                  <Link href={submissionHref(c.submissionId)}>{t('onAttempt')}</Link>
                </>
              )}
            </p>
            <p className="comment-body">{c.body}</p>
            <div className="comment-foot">
              <span className="comment-receipt" data-testid="comment-receipt">
                {c.readAt ? `✓ ${t('read', { date: formatDateTime(c.readAt, locale) })}` : t('unread')}
              </span>
              <form action={deleteAction}>
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="commentId" value={c.id} />
                <button className="button small" type="submit" aria-label={t('deleteLabel', { date: written })}>
                  {t('delete')}
                </button>
              </form>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
