import type { LearnerSubmission } from '@/lib/server/dal/classes'

/** What a learner submitted, line by line, with the lines a failed check pointed at marked. */
export function SubmittedSource({ submission, label }: { submission: LearnerSubmission; label: string }) {
  const failingLines = new Set(submission.failing.map((f) => f.line).filter((l): l is number => l !== null))
  return (
    <pre className="submitted-source" aria-label={label}>
      {submission.source.split('\n').map((line, n) => (
        <span key={n} className="source-line" data-failing={failingLines.has(n + 1) || undefined}>
          <span className="line-number" aria-hidden="true">
            {n + 1}
          </span>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  )
}
