import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'
import { CommentForm, type CommentFormProps } from '@/components/teach/CommentForm'
import type { InsightLearner, MistakeGroup } from '@/lib/classes/insight'
import { formatDateTime } from '@/lib/text/dates'
import { ExampleSource } from './ExampleSource'
import { mistakeTitle } from './mistake-title'
import type { Locale } from '@/i18n/locales'

const nameOf = (l: InsightLearner) => l.name ?? l.email

/**
 * One mistake learners share: how many hit it and who (each linking to their learner page, those still stuck on it
 * marked), the newest submission that made it, its lines marked, and a form to comment to the whole group.
 */
export async function MistakeGroupCard({
  group,
  index,
  classId,
  lessonId,
  exerciseId,
  locale,
  commentAction,
}: {
  group: MistakeGroup
  index: number
  classId: string
  lessonId: string
  exerciseId: string
  locale: Locale
  commentAction: CommentFormProps['action']
}) {
  const t = await getTranslations('insight')
  const base = `/teach/${encodeURIComponent(classId)}/learners`
  const headingId = `mistake-${index}`
  const exampleAuthor = group.learners.find((l) => l.id === group.example.userId)
  const title = mistakeTitle(group, locale, t, group.example.message)
  return (
    <article className="mistake-group" data-testid="mistake-group" data-check-id={group.key} aria-labelledby={headingId}>
      <h3 id={headingId} className="mistake-group-heading">
        <span className="group-count" data-testid="group-count">
          {t('exercise.groupLearners', { count: group.learners.length })}
        </span>{' '}
        <span className="mistake-group-title">
          <InlineMarkdown text={title} />
        </span>
      </h3>
      {group.kind === 'validation' && group.hint && (
        <p className="mistake-hint">
          <InlineMarkdown text={group.hint[locale]} />
        </p>
      )}
      <p className="group-still" data-still={group.stillCount > 0 || undefined} data-testid="group-still">
        {t('exercise.stillOn', { count: group.stillCount })}
      </p>
      <ul className="group-learners" aria-label={t('exercise.learnersLabel')}>
        {group.learners.map((l) => (
          <li key={l.id} data-still={l.still || undefined}>
            <Link href={`${base}/${encodeURIComponent(l.id)}`}>{nameOf(l)}</Link>
            {l.still && <span className="still-badge">{t('exercise.stillBadge')}</span>}
          </li>
        ))}
      </ul>
      <details className="mistake-example" open={index < 3}>
        <summary>
          {t('exercise.example', {
            name: exampleAuthor ? nameOf(exampleAuthor) : '—',
            date: formatDateTime(group.example.createdAt, locale),
          })}
        </summary>
        <p className="example-message">
          <span className="muted">{t('exercise.exampleMessage')}:</span> <InlineMarkdown text={group.example.message} />
        </p>
        {group.example.lines.length === 0 && <p className="muted">{t('exercise.exampleNoLine')}</p>}
        {group.example.sourceTrimmed && <p className="source-note muted">{t('exercise.exampleTrimmed')}</p>}
        <ExampleSource
          source={group.example.source}
          lines={group.example.lines}
          label={t('exercise.exampleSource')}
          markedLabel={t('exercise.markedLine')}
          cutNote={(from, to) => t('exercise.exampleCut', { from, to })}
        />
        <p className="example-open">
          <Link href={`${base}/${encodeURIComponent(group.example.userId)}/submissions/${encodeURIComponent(group.example.submissionId)}`}>
            {t('exercise.openSubmission')}
          </Link>
        </p>
      </details>
      {/* one explanation for everyone who made this mistake: a copy per learner, each with its own read receipt */}
      <details className="group-comment" data-testid="group-comment">
        <summary>{t('exercise.commentGroup', { count: group.learners.length })}</summary>
        <CommentForm
          action={commentAction}
          classId={classId}
          lessonId={lessonId}
          exerciseId={exerciseId}
          checkId={group.key}
          learnerIds={group.learners.map((l) => l.id)}
        />
      </details>
    </article>
  )
}
