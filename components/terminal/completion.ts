/**
 * Tab completion on the line being typed, bash-style: one candidate completes the word (and adds a space
 * unless the word goes on, like `svc/` or `--replicas=`); several complete their common prefix; when that
 * adds nothing, they are listed in columns under the line.
 */
import type { LineState } from './line-editor'
import { textWidth } from './text-width'

const isSpace = (c: string | undefined) => c === ' ' || c === '\t'

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return ''
  let prefix = words[0]!
  for (const w of words) {
    let i = 0
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++
    prefix = prefix.slice(0, i)
  }
  return prefix
}

export function applyCompletion(s: LineState, candidates: string[]): { state: LineState; list?: string[]; bell?: boolean } {
  let start = s.cursor
  while (start > 0 && !isSpace(s.chars[start - 1])) start--
  const word = s.chars.slice(start, s.cursor).join('')
  const unique = [...new Set(candidates)].filter((c) => c.startsWith(word))
  if (unique.length === 0) return { state: s, bell: true }
  const replace = (text: string): LineState => {
    const add = Array.from(text)
    return { ...s, chars: [...s.chars.slice(0, start), ...add, ...s.chars.slice(s.cursor)], cursor: start + add.length }
  }
  if (unique.length === 1) {
    const only = unique[0]!
    const goesOn = /[/=]$/.test(only)
    // Do not add a second space when one already follows the cursor.
    return { state: replace(goesOn || isSpace(s.chars[s.cursor]) ? only : `${only} `) }
  }
  const prefix = commonPrefix(unique)
  if (prefix.length > word.length) return { state: replace(prefix) }
  return { state: s, list: unique.sort() }
}

/** Candidates in columns filling a terminal `cols` wide, top to bottom then left to right, like bash. */
export function formatColumns(items: string[], cols: number): string[] {
  if (items.length === 0) return []
  const cell = Math.max(...items.map(textWidth)) + 2
  const perRow = Math.max(1, Math.floor((Math.max(cols, 1) + 2) / cell))
  const rows = Math.ceil(items.length / perRow)
  const lines: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r]
      if (item === undefined) continue
      const last = c === perRow - 1 || items[(c + 1) * rows + r] === undefined
      line += last ? item : item + ' '.repeat(cell - textWidth(item))
    }
    lines.push(line)
  }
  return lines
}
