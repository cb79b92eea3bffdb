import type { ReactElement, ReactNode } from 'react'
import { isValidElement } from 'react'
import { TryItButton } from './TryItButton'

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (Array.isArray(node)) return node.map(textOf).join('')
  if (isValidElement(node)) return textOf((node.props as { children?: ReactNode }).children)
  return ''
}

/** A fenced code block; ```yaml tryit adds a button that loads the YAML into the editor beside the lesson. */
export function CodeBlock({ children, label }: { children?: ReactNode; label: string }) {
  const code = isValidElement(children) ? (children as ReactElement<{ 'data-meta'?: string; 'data-lang'?: string }>) : null
  const meta = code?.props['data-meta'] ?? ''
  const tryIt = /(^|\s)tryit(\s|$)/.test(meta)
  return (
    <div className="code-block">
      <pre tabIndex={0}>{children}</pre>
      {tryIt && <TryItButton yaml={textOf(children)} label={label} />}
    </div>
  )
}
