import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import { dal } from '@/lib/server/dal'
import { formatDateTime } from '@/lib/text/dates'
import { teacherPage } from '@/lib/server/teach/teacher-page'
import { FailingChecks } from '../../FailingChecks'
import { SubmittedSource } from '../../SubmittedSource'
import { CommentForm } from '@/components/teach/CommentForm'
import { CommentThread } from '@/components/teach/CommentThread'
import { commentAction, deleteCommentAction } from '../../../../../comment-actions'
import '@/components/teach/teach.css'
import '../../learner-page.css'

type Params = Promise<{ classId: string; userId: string; submissionId: string }>

const submissionPage = teacherPage((viewer, classId: string, userId: string, submissionId: string) =>
  dal().classes.learnerSubmission(viewer, classId, userId, submissionId),
)

export async function generateMetadata({ params }: { params: Params }) {
  const { classId, userId, submissionId } = await params
  const found = await submissionPage.find(classId, userId, submissionId)
  const locale = await currentLang()
  if (!found) return { title: (await getTranslations('teach'))('learner.source') }
  return {
    title: `${(await getTranslations('limits.submissions'))('title', { date: formatDateTime(found.submission.createdAt, locale) })} · ${found.learner.name ?? found.learner.email}`,
  }
}

/** One submission in full, opened from the learner's page where its source is cut to a preview. */
export default async function SubmissionPage({ params }: { params: Params }) {
  const { classId, userId, submissionId } = await params
  const { viewer, found } = await submissionPage.open(
    ['teach', classId, 'learners', userId, 'submissions', submissionId],
    classId,
    userId,
    submissionId,
  )
  const { submission: s, learner } = found
  const locale = await currentLang()
  const t = await getTranslations('teach')
  const tl = await getTranslations('limits.submissions')
  const tc = await getTranslations('comments.teacher')
  const comments = (await dal().comments.forSubmission(viewer, classId, s.id)) ?? []
  return (
    <div className="page">
      <p>
        <Link href={`/teach/${encodeURIComponent(classId)}/learners/${encodeURIComponent(learner.id)}`}>
          ← {learner.name ?? learner.email}
        </Link>
      </p>
      <h1>{tl('title', { date: formatDateTime(s.createdAt, locale) })}</h1>
      <p>
        <span className="status-dot" data-status={s.passed ? 'completed' : 'failed'}>
          {s.passed ? '✓' : '✗'} {Math.round(s.score * 100)}%
        </span>{' '}
        <span className="muted">
          · {found.className} · <code>{s.exerciseId}</code>
        </span>
      </p>
      <FailingChecks failing={s.failing} />
      {s.sourceTrimmed && <p className="source-note muted">{tl('trimmed')}</p>}
      <SubmittedSource submission={s} label={t('learner.source')} />
      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{tc('heading')}</h2>
        <CommentThread deleteAction={deleteCommentAction} classId={classId} comments={comments} empty={tc('empty')} />
        <CommentForm
          action={commentAction}
          classId={classId}
          lessonId={s.lessonId}
          exerciseId={s.exerciseId}
          learnerIds={[learner.id]}
          submissionId={s.id}
        />
      </section>
    </div>
  )
}
