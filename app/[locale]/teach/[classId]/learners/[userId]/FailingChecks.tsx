import { getTranslations } from 'next-intl/server'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'

/** The checks a submission failed, each with its line when it has one: on the learner's page and on one submission's. */
export async function FailingChecks({ failing }: { failing: { id: string; line: number | null; message: string }[] }) {
  if (failing.length === 0) return null
  const t = await getTranslations('teach')
  return (
    <ul className="failing-checks">
      {failing.map((f, j) => (
        <li key={`${f.id}-${j}`}>
          <code>{f.id}</code>
          {f.line !== null && <span className="muted"> · {t('learner.line', { line: f.line })}</span>}: <InlineMarkdown text={f.message} />
        </li>
      ))}
    </ul>
  )
}
