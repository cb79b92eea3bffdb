import type { ReactNode } from 'react'

/** A plain text from content (a goal, a glossary definition) with its `code spans` shown as code. */
export function withInlineCode(text: string): ReactNode[] {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part))
}
