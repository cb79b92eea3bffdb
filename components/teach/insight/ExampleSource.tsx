import { sourceExcerpt } from '@/lib/classes/insight-display'

/**
 * A learner's submitted source with the lines a mistake points at marked (the learner page's look, `.submitted-source`),
 * cut to a window around the first marked line when it is long. Line numbers are the source's own.
 */
export function ExampleSource({
  source,
  lines,
  label,
  markedLabel,
  cutNote,
}: {
  source: string
  lines: number[]
  label: string
  markedLabel: string
  cutNote: (from: number, to: number) => string
}) {
  const marked = new Set(lines)
  const excerpt = sourceExcerpt(source, lines)
  return (
    <>
      <pre className="submitted-source example-source" aria-label={label} tabIndex={0}>
        {excerpt.lines.map((line, i) => {
          const n = excerpt.firstLine + i
          return (
            <span key={n} className="source-line" data-failing={marked.has(n) || undefined}>
              <span className="line-number" aria-hidden="true">
                {n}
              </span>
              {marked.has(n) && <span className="visually-hidden">{markedLabel}: </span>}
              {line}
              {'\n'}
            </span>
          )
        })}
      </pre>
      {excerpt.cut && <p className="source-note muted">{cutNote(excerpt.firstLine, excerpt.firstLine + excerpt.lines.length - 1)}</p>}
    </>
  )
}
