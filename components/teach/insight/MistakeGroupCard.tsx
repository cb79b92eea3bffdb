import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'
import type { InsightLearner, MistakeGroup } from '@/lib/classes/insight'
import { formatDateTime } from '@/lib/text/dates'
import { ExampleSource } from './ExampleSource'
import { mistakeTitle } from './mistake-title'

const nameOf = (l: InsightLearner) => l.name ?? l.email

/**
 * One mistake learners share: how many hit it and who (each linking to their learner page, those still stuck on it
 * marked), and the newest submission that made it, its lines marked. The lead mounts the "comment to this group"
 * form in the marked slot.
 */
export async function MistakeGroupCard({ group, index, classId, locale }: { group: MistakeGroup; index: number; classId: string; locale: 'ko' | 'en' }) {
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
        <summary>{t('exercise.example', { name: exampleAuthor ? nameOf(exampleAuthor) : '—', date: formatDateTime(group.example.createdAt, locale) })}</summary>
        <p className="example-message">
          <span className="muted">{t('exercise.exampleMessage')}:</span> <InlineMarkdown text={group.example.message} />
        </p>
        {group.example.lines.length === 0 && <p className="muted">{t('exercise.exampleNoLine')}</p>}
        {group.example.sourceTrimmed && <p className="source-note muted">{t('exercise.exampleTrimmed')}</p>}
        <ExampleSource source={group.example.source} lines={group.example.lines} label={t('exercise.exampleSource')} markedLabel={t('exercise.markedLine')} cutNote={(from, to) => t('exercise.exampleCut', { from, to })} />
        <p className="example-open">
          <Link href={`${base}/${encodeURIComponent(group.example.userId)}/submissions/${encodeURIComponent(group.example.submissionId)}`}>{t('exercise.openSubmission')}</Link>
        </p>
      </details>
      {/* group comment form: lead wires CommentForm here */}
    </article>
  )
}
