import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Inlines an authored SVG (so it follows the theme through CSS variables) with its alt text as the caption.
 * `courseDir` null: a studio course, which has no diagrams folder.
 */
export function makeDiagram(courseDir: string | null) {
  return async function Diagram({ name, alt }: { name: string; alt: string }) {
    if (!/^[a-z0-9-]+$/.test(name)) return null
    const svg = courseDir === null ? null : await readFile(join(courseDir, 'diagrams', `${name}.svg`), 'utf8').catch(() => null)
    if (!svg) return <p role="note">[diagram {name} is missing]</p>
    return (
      <figure className="diagram" aria-label={alt}>
        <div aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg.replace(/<\?xml[^>]*>/, '') }} />
        <figcaption>{alt}</figcaption>
      </figure>
    )
  }
}
