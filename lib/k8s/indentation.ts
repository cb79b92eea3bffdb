/**
 * One line indented wrong makes a cascade: a syntax error two lines further down, or fields read under the wrong
 * parent, each reported as unknown, and the fields they were meant to fill reported missing. This finds the one line
 * whose indentation explains them: it re-indents each suspect line to the columns its neighbours open and validates
 * the document again. When one change removes the errors without adding any, that line is reported alone, with
 * where it belongs, and only the errors that remain after the change (independent ones) are kept.
 *
 * Only documents with errors pay for this, with a bounded number of re-validations (see docs/decisions/0009).
 */
import { parentField } from './field-path.ts'
import { misindentedLineHint } from './hints/indentation-hints.ts'
import { isObject } from './object-access.ts'
import type { Diagnostic } from './types.ts'
import { parseYamlStream } from './yaml-stream.ts'

export interface IndentationCase {
  /** the document's text (it may begin with its `---`) and the 1-based input line it starts on */
  text: string
  firstLine: number
  /** the document's diagnostics, positioned in the whole input */
  errors: Diagnostic[]
  /** the `yaml` package's codes of its syntax errors */
  syntaxCodes: string[]
  /** validates a document text the same way, without this search (positions relative to that text) */
  revalidate: (text: string) => Diagnostic[]
  /** re-validations left for the whole input, shared by its documents */
  budget: { tries: number }
}

/** Syntax errors a misplaced line causes (yaml-stream codes); others (tabs, aliases, limits) are never indentation. */
const INDENTATION_SYNTAX = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'DUPLICATE_KEY'])
const MAX_TRIES_PER_DOCUMENT = 24
const MAX_LINES = 600
const MAX_COLUMNS_PER_LINE = 6

/** Every re-validation allowed for one call of validateManifests. */
export const INDENTATION_BUDGET = 64

const UNKNOWN_FIELD = 'strict decoding error: unknown field'

interface Trial {
  line: number
  column: number
  errors: Diagnostic[]
  path: { path: string; parent: string; item: boolean }
}

/** The document's diagnostics, reduced to the misindented line and the errors independent of it; null if none found. */
export function explainIndentation(c: IndentationCase): Diagnostic[] | null {
  const syntax = c.errors.filter((e) => e.type === 'YAMLSyntax')
  const unknown = c.errors.filter((e) => e.type === 'FieldValueNotSupported' && e.message.startsWith(UNKNOWN_FIELD))
  if (syntax.length > 0 ? !c.syntaxCodes.every((code) => INDENTATION_SYNTAX.has(code)) : unknown.length === 0) return null
  const lines = c.text.split('\n')
  if (lines.length > MAX_LINES || c.budget.tries <= 0) return null
  const local = (line: number) => line - c.firstLine
  const originalKeys = new Set(c.errors.map(errorKey))
  const suspects = syntax.length > 0 ? aroundSyntaxError(local(syntax[0].line)) : nearUnknownFields(unknown.map((e) => local(e.line)))
  const scalarLines = blockScalarLines(lines)

  let best: Trial | null = null
  let tries = 0
  search: for (const line of suspects) {
    if (!movable(lines, line, scalarLines)) continue
    const current = indentOf(lines[line])
    for (const column of columnsToTry(lines, line, scalarLines, current)) {
      if (tries >= MAX_TRIES_PER_DOCUMENT || c.budget.tries <= 0) break search
      tries++
      c.budget.tries--
      const changed = lines.slice()
      changed[line] = ' '.repeat(column) + lines[line].slice(current)
      const text = changed.join('\n')
      const errors = c.revalidate(text)
      if (errors.some((e) => e.type === 'YAMLSyntax')) continue
      // no error the change creates: for a document that parsed, what remains must be a part of what was there
      if (syntax.length === 0 && (errors.length >= c.errors.length || !errors.every((e) => originalKeys.has(errorKey(e))))) continue
      // and none that says this line is now in the wrong place
      if (errors.some((e) => e.line === line + 1 && e.message.startsWith(UNKNOWN_FIELD))) continue
      if (best && errors.length >= best.errors.length) continue
      const path = pathOnLine(text, line + 1)
      if (!path) continue
      best = { line, column, errors, path }
      if (errors.length === 0) break search
    }
  }
  return best ? report(c, lines, best, syntax, originalKeys) : null
}

function report(c: IndentationCase, lines: string[], t: Trial, syntax: Diagnostic[], originalKeys: Set<string>): Diagnostic[] {
  const written = lines[t.line]
  const spaces = indentOf(written)
  const inputLine = t.line + c.firstLine
  const onLine = c.errors.find((e) => e.line === inputLine && e.type === 'FieldValueNotSupported' && e.message.startsWith(UNKNOWN_FIELD))
  const readUnder = syntax.length > 0 || !onLine ? null : parentField(onLine.field)
  const base = syntax[0] ?? onLine ?? c.errors[0]
  const hint = misindentedLineHint({
    key: t.path.item ? null : keyOf(written),
    direction: t.column > spaces ? 'indent' : 'outdent',
    readUnder,
    parent: t.path.parent,
    path: t.path.path,
    spaces,
    wantedSpaces: t.column,
  })
  const explained: Diagnostic = { ...base, field: syntax.length > 0 ? '' : base.field, line: inputLine, column: spaces + 1, hint, indentation: { column: t.column + 1, parent: t.path.parent } }
  if (syntax.length > 0) return [explained]
  // the other errors still there after the change do not come from this line
  const remaining = new Set(t.errors.map(errorKey))
  const out: Diagnostic[] = []
  for (const e of c.errors) {
    if (e === base) out.push(explained)
    else if (remaining.has(errorKey(e)) && originalKeys.has(errorKey(e))) out.push(e)
  }
  return out
}

function errorKey(e: Diagnostic): string {
  return `${e.field}\u0000${e.type}\u0000${e.message}`
}

/** 0-based lines to try for a syntax error on `at`: the error's own line, then the lines above it, nearest first. */
function aroundSyntaxError(at: number): number[] {
  return [at, at - 1, at + 1, at - 2, at - 3, at - 4, at - 5, at - 6]
}

/** The lines of the first unknown fields, and the line above each (a parent indented one level too far). */
function nearUnknownFields(at: number[]): number[] {
  const out: number[] = []
  for (const line of [...new Set(at)].sort((a, b) => a - b).slice(0, 3)) for (const l of [line, line - 1]) if (!out.includes(l)) out.push(l)
  return out
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

function isContent(line: string | undefined): line is string {
  if (line === undefined) return false
  const t = line.trim()
  return t !== '' && !t.startsWith('#')
}

/** A line this search may move: written with spaces only, not a document marker, not inside a block scalar. */
function movable(lines: string[], line: number, scalarLines: Set<number>): boolean {
  const text = lines[line]
  if (!isContent(text) || scalarLines.has(line)) return false
  if (/^(---|\.\.\.)(\s|$)/.test(text) || /^\s*\t/.test(text) || text.startsWith('\t')) return false
  return !/^[ ]*\t/.test(text)
}

/** Lines that are the content of `|` / `>` block scalars: moving them changes text, not structure. */
function blockScalarLines(lines: string[]): Set<number> {
  const out = new Set<number>()
  let owner = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (owner >= 0) {
      if (line.trim() === '' || indentOf(line) > owner) {
        out.add(i)
        continue
      }
      owner = -1
    }
    if (/:\s*[|>][0-9+-]*\s*(#.*)?$/.test(line) || /^\s*-\s+[|>][0-9+-]*\s*(#.*)?$/.test(line)) owner = indentOf(line)
  }
  return out
}

/**
 * Columns the line could belong at, nearest block first: the line above (as its sibling, and as its child when it
 * opens a block), then each enclosing line's column, outwards.
 */
function columnsToTry(lines: string[], line: number, scalarLines: Set<number>, current: number): number[] {
  const columns: number[] = []
  const add = (c: number) => {
    if (c !== current && !columns.includes(c)) columns.push(c)
  }
  let bound = Infinity
  for (let i = line - 1; i >= 0 && bound > 0; i--) {
    const above = lines[i]
    if (!isContent(above) || scalarLines.has(i)) continue
    if (/^(---|\.\.\.)(\s|$)/.test(above)) break
    const indent = indentOf(above)
    const item = /^\s*-(\s|$)/.test(above)
    const keyColumn = item ? indent + 2 : indent
    if (bound === Infinity) {
      add(keyColumn)
      if (item) add(indent)
      if (/:\s*(#.*)?$/.test(above)) add(keyColumn + 2)
      bound = indent
    } else if (indent < bound) {
      add(keyColumn)
      if (item) add(indent)
      bound = indent
    }
  }
  if (bound === Infinity) add(0) // the document's first line
  return columns.slice(0, MAX_COLUMNS_PER_LINE)
}

/** The key written on a line (`replicas` in `  replicas: 3`), without quotes. */
function keyOf(line: string): string {
  const t = line.trim()
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#]*?))\s*:(\s|$)/.exec(t)
  if (!m) return t
  return m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3] ?? t
}


/**
 * The shallowest path written on a 1-based line of `text`, e.g. `spec.replicas`, or `…containers[0]` for a list item:
 * where the moved line landed. Null when the line starts no field (it became part of a value).
 */
function pathOnLine(text: string, line: number): { path: string; parent: string; item: boolean } | null {
  const doc = parseYamlStream(text).documents.find((d) => !d.empty && d.problems.length === 0)
  if (!doc) return null
  const item = /^\s*-(\s|$)/.test(text.split('\n')[line - 1] ?? '')
  const queue: Array<{ value: unknown; segments: Array<string | number>; rendered: string }> = [{ value: doc.value, segments: [], rendered: '' }]
  for (let seen = 0; queue.length > 0 && seen < 5000; seen++) {
    const { value, segments, rendered } = queue.shift()!
    const children: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : isObject(value) ? Object.entries(value) : []
    for (const [k, v] of children) {
      const childSegments = [...segments, k]
      const childRendered = typeof k === 'number' ? `${rendered}[${k}]` : rendered === '' ? k : `${rendered}.${k}`
      if (doc.source.positionOf(childSegments).line === line && (typeof k === 'number') === item) {
        return { path: childRendered, parent: rendered, item }
      }
      queue.push({ value: v, segments: childSegments, rendered: childRendered })
    }
  }
  return null
}
