/**
 * The command line being typed, as plain data: the characters, the cursor, and the history with ↑/↓.
 * `editKey` is a pure transition; what it cannot do alone (run, complete, clear the screen) it returns as an
 * action for the session to carry out.
 */
import type { Key } from './keys'
import { textWidth } from './text-width'

export interface LineState {
  /** the line as characters (code points), so the cursor never splits a surrogate pair */
  chars: string[]
  cursor: number
  history: string[]
  /** position in history while browsing with ↑/↓; history.length when editing a new line */
  index: number
  /** the unfinished line put aside while browsing history */
  draft: string[]
}

export type LineAction =
  | { type: 'submit'; line: string }
  | { type: 'complete'; before: string }
  | { type: 'interrupt'; line: string }
  | { type: 'clear-screen' }
  | { type: 'bell' }

export const HISTORY_LIMIT = 500

export function emptyLine(history: string[] = []): LineState {
  const kept = history.slice(-HISTORY_LIMIT)
  return { chars: [], cursor: 0, history: kept, index: kept.length, draft: [] }
}

export const lineText = (s: LineState): string => s.chars.join('')

const isSpace = (c: string | undefined) => c === ' ' || c === '\t'

function wordStart(chars: string[], from: number): number {
  let i = from
  while (i > 0 && isSpace(chars[i - 1])) i--
  while (i > 0 && !isSpace(chars[i - 1])) i--
  return i
}

function wordEnd(chars: string[], from: number): number {
  let i = from
  while (i < chars.length && isSpace(chars[i])) i++
  while (i < chars.length && !isSpace(chars[i])) i++
  return i
}

function withLine(s: LineState, chars: string[], cursor = chars.length): LineState {
  return { ...s, chars, cursor }
}

function recall(s: LineState, index: number): LineState {
  const draft = s.index === s.history.length ? s.chars : s.draft
  const chars = index === s.history.length ? draft : Array.from(s.history[index]!)
  return { ...s, chars, cursor: chars.length, index, draft }
}

/** The history after running `line`: blank lines and immediate repeats are not kept (bash's ignoredups). */
export function remember(history: string[], line: string): string[] {
  if (!line.trim() || history[history.length - 1] === line) return history
  return [...history, line].slice(-HISTORY_LIMIT)
}

export function editKey(s: LineState, key: Key): { state: LineState; action?: LineAction } {
  const { chars, cursor } = s
  switch (key.type) {
    case 'text': {
      const add = Array.from(key.text.replace(/\t/g, ' '))
      return { state: withLine(s, [...chars.slice(0, cursor), ...add, ...chars.slice(cursor)], cursor + add.length) }
    }
    case 'enter': {
      const line = lineText(s)
      const history = remember(s.history, line)
      return { state: emptyLine(history), action: { type: 'submit', line } }
    }
    case 'backspace':
      if (cursor === 0) return { state: s, action: { type: 'bell' } }
      return { state: withLine(s, [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1) }
    case 'delete':
    case 'eof':
      // Ctrl+D deletes the character under the cursor; on an empty line there is no shell to leave.
      if (cursor >= chars.length) return { state: s, action: key.type === 'delete' ? { type: 'bell' } : undefined }
      return { state: withLine(s, [...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor) }
    case 'left':
      return { state: { ...s, cursor: Math.max(0, cursor - 1) } }
    case 'right':
      return { state: { ...s, cursor: Math.min(chars.length, cursor + 1) } }
    case 'home':
      return { state: { ...s, cursor: 0 } }
    case 'end':
      return { state: { ...s, cursor: chars.length } }
    case 'word-left':
      return { state: { ...s, cursor: wordStart(chars, cursor) } }
    case 'word-right':
      return { state: { ...s, cursor: wordEnd(chars, cursor) } }
    case 'up':
      return s.index > 0 ? { state: recall(s, s.index - 1) } : { state: s, action: { type: 'bell' } }
    case 'down':
      return s.index < s.history.length ? { state: recall(s, s.index + 1) } : { state: s, action: { type: 'bell' } }
    case 'kill-before':
      return { state: withLine(s, chars.slice(cursor), 0) }
    case 'kill-after':
      return { state: withLine(s, chars.slice(0, cursor), cursor) }
    case 'kill-word': {
      const from = wordStart(chars, cursor)
      return { state: withLine(s, [...chars.slice(0, from), ...chars.slice(cursor)], from) }
    }
    case 'tab':
      return { state: s, action: { type: 'complete', before: chars.slice(0, cursor).join('') } }
    case 'interrupt':
      return { state: emptyLine(s.history), action: { type: 'interrupt', line: lineText(s) } }
    case 'clear-screen':
      return { state: s, action: { type: 'clear-screen' } }
  }
}

/** Cells from the start of the prompt to the cursor, and to the end of the line. */
export function lineWidths(promptWidth: number, s: LineState): { toCursor: number; total: number } {
  return { toCursor: promptWidth + textWidth(s.chars.slice(0, s.cursor).join('')), total: promptWidth + textWidth(lineText(s)) }
}

/**
 * Escape codes that redraw the prompt and the line in place and leave the cursor where it belongs, for a
 * line that may wrap over several rows. `cursorRow` is the row (counted from the prompt's row) the terminal
 * cursor is on now; the returned one is where it will be after writing `text`.
 */
export function renderLine(
  prompt: string,
  promptWidth: number,
  s: LineState,
  cols: number,
  cursorRow: number,
): { text: string; cursorRow: number } {
  const width = Math.max(1, cols)
  const { toCursor, total } = lineWidths(promptWidth, s)
  let out = cursorRow > 0 ? `\x1b[${cursorRow}A` : ''
  out += `\r\x1b[J${prompt}${lineText(s)}`
  // Writing exactly a row's worth leaves the cursor waiting at the last column; step onto the next row.
  let endRow = Math.floor(total / width)
  if (total > 0 && total % width === 0) out += '\r\n'
  const row = Math.floor(toCursor / width)
  const col = toCursor % width
  if (endRow > row) out += `\x1b[${endRow - row}A`
  endRow = row
  out += '\r' + (col > 0 ? `\x1b[${col}C` : '')
  return { text: out, cursorRow: endRow }
}
