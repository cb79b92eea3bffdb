/**
 * One line indented wrong makes a cascade: a syntax error two lines further down, or fields read under the wrong
 * parent, each reported as unknown, and the fields they were meant to fill reported missing. This finds the one line
 * whose indentation explains them: it re-indents each suspect line to the columns its neighbours open and validates
 * the document again. A change counts when the document then reads, the line lands as a field of the right type, and
 * no field is left in a wrong place; the line is then reported alone, with where it belongs, followed by the errors
 * still there after the change (independent ones, or ones the misplaced block hid).
 *
 * Only documents with errors pay for this, with a bounded number of trial parses (docs/decisions/0009).
 */
import { parentField, parseFieldPath } from './field-path.ts'
import { isFieldOfKind, nearMiss } from './field-suggestions.ts'
import { misindentedLineHint } from './hints/indentation-hints.ts'
import { balanced, blockScalarLines, columnsToTry, indentOf, layoutBreak, lineKey, movable } from './indentation-layout.ts'
import { isObject } from './object-access.ts'
import { compileDefinition, type Compiled } from './schema-check.ts'
import type { Diagnostic } from './types.ts'
import { composeFast } from './yaml-fast-path.ts'
import { parseYamlStream } from './yaml-stream.ts'

export interface IndentationCase {
  /** the document's text (it may begin with its `---`) and the 1-based input line it starts on */
  text: string
  firstLine: number
  /** the document's diagnostics, positioned in the whole input */
  errors: Diagnostic[]
  /** the `yaml` package's codes of its syntax errors */
  syntaxCodes: string[]
  /** validates a text the same way, without this search (the text is padded to keep the input's line numbers) */
  revalidate: (text: string) => Diagnostic[]
  /** trial parses left for the whole input, shared by its documents */
  budget: { parses: number }
}

/**
 * Syntax errors a misplaced line causes (yaml package codes), among them at least one that is about the layout of
 * keys; others (tabs, aliases, limits) and a lone unclosed quote are never worth a search.
 */
const INDENTATION_SYNTAX = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
  'DUPLICATE_KEY',
])
const LAYOUT_SYNTAX = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'DUPLICATE_KEY'])
/** trial changes looked at, and parsed (the costly part), per document */
const MAX_CANDIDATES_PER_DOCUMENT = 48
const MAX_PARSES_PER_DOCUMENT = 20
const MAX_LINES = 600
const MAX_COLUMNS_PER_LINE = 5

/** Trial parses allowed for one call of validateManifests, all documents together. */
export const INDENTATION_BUDGET = 64

const UNKNOWN_FIELD = 'strict decoding error: unknown field'

/** Where a moved line landed: its path (Kubernetes' rendering), the object it is in, whether it is a list item. */
interface Landing {
  path: string
  parent: string
  item: boolean
  segments: Array<string | number>
  /** the line is a key of a map (labels, selector…), not a field */
  inMap: boolean
  kind: string
}

interface Trial {
  line: number
  column: number
  /** the document's errors after the change, positioned in the whole input */
  errors: Diagnostic[]
  path: Landing
}

/** The document's diagnostics, reduced to the misindented line and the errors independent of it; null if none found. */
export function explainIndentation(c: IndentationCase): Diagnostic[] | null {
  const syntax = c.errors.filter((e) => e.type === 'YAMLSyntax')
  // a misspelt field (`imagee`) is no line in the wrong place
  const misplaced = c.errors.filter((e) => isStructural(e) && !(isUnknownField(e) && isTypo(e)))
  const searchable =
    syntax.length > 0
      ? c.syntaxCodes.every((code) => INDENTATION_SYNTAX.has(code)) && c.syntaxCodes.some((code) => LAYOUT_SYNTAX.has(code))
      : misplaced.length > 0
  if (!searchable) return null
  const lines = c.text.split('\n')
  if (lines.length > MAX_LINES || c.budget.parses <= 0) return null
  // blank lines in front keep line numbers (and the "(line N)" in hints) those of the whole input
  const pad = '\n'.repeat(c.firstLine - 1)
  const local = (line: number) => line - c.firstLine
  const scalarLines = blockScalarLines(lines)
  // Plain block YAML (no anchors, tags, tabs, directives, explicit keys, values spanning lines) can be checked for a
  // sound layout line by line, and the CST fast path never accepts a text the parser finds an error in
  // (yaml-fast-path.test.ts): most trials on a broken text fail one of these and need no full validation.
  const plain = !/[&*!%?\t]|<</.test(c.text) && lines.every(balanced)
  const brokenAt = plain ? layoutBreak(lines, scalarLines) : -1
  const suspects =
    syntax.length > 0
      ? [...new Set([...(brokenAt >= 0 ? [brokenAt, brokenAt - 1] : []), ...aroundSyntaxError(local(syntax[0].line))])]
      : nearMisplacedFields(misplaced.map((e) => local(e.line)))

  let best: Trial | null = null
  let candidates = 0
  let parses = 0
  for (const { line, column } of trials(lines, suspects, scalarLines)) {
    if (++candidates > MAX_CANDIDATES_PER_DOCUMENT || parses >= MAX_PARSES_PER_DOCUMENT || c.budget.parses <= 0) break
    const changed = lines.slice()
    changed[line] = ' '.repeat(column) + lines[line].trimStart()
    if (plain && layoutBreak(changed, scalarLines) >= 0) continue
    const text = pad + changed.join('\n')
    parses++
    c.budget.parses--
    if (plain && syntax.length > 0 && !('docs' in composeFast(text))) continue
    const errors = c.revalidate(text)
    // unreadable still, or a kind without a schema to tell a right place from a wrong one
    if (
      errors.some(
        (e) => e.type === 'YAMLSyntax' || e.type === 'NoKindMatch' || e.field === 'kind' || e.field === 'apiVersion' || e.kind === null,
      )
    )
      continue
    // the moved line must not be a misplaced field where it lands
    if (errors.some((e) => e.line === line + c.firstLine && isStructural(e))) continue
    if (best && errors.length >= best.errors.length) continue
    const path = pathOnLine(text, line + c.firstLine)
    if (!path || !wellPlaced(path, errors, syntax.length > 0 ? [] : c.errors)) continue
    // a document that could not be read had no other error to compare with: anything unknown left must be a typo
    if (syntax.length > 0 && errors.some((e) => isUnknownField(e) && !isTypo(e))) continue
    if (syntax.length === 0 && !explains(c.errors, errors, path.path)) continue
    best = { line, column, errors, path }
    if (errors.length === 0) break
  }
  return best ? report(c, lines, best, syntax) : null
}

/**
 * Lines and columns to try, likeliest first (measured on single-line edits of the course's manifests): three columns
 * of the first suspect line, two of each other line, then the rest.
 */
function* trials(lines: string[], suspects: number[], scalarLines: Set<number>): Generator<{ line: number; column: number }> {
  const options = suspects
    .filter((line) => movable(lines, line, scalarLines))
    .map((line) => ({ line, columns: columnsToTry(lines, line, scalarLines, indentOf(lines[line]), MAX_COLUMNS_PER_LINE) }))
  const first = (i: number) => (i === 0 ? 3 : 2)
  for (let i = 0; i < options.length; i++)
    for (const column of options[i].columns.slice(0, first(i))) yield { line: options[i].line, column }
  for (let i = 0; i < options.length; i++) for (const column of options[i].columns.slice(first(i))) yield { line: options[i].line, column }
}

function isUnknownField(e: Diagnostic): boolean {
  return e.type === 'FieldValueNotSupported' && e.message.startsWith(UNKNOWN_FIELD)
}

/** What a line in the wrong place decodes to: an unknown field, or a value of the wrong type (a list in a label map). */
function isStructural(e: Diagnostic): boolean {
  return isUnknownField(e) || e.type === 'FieldValueTypeInvalid'
}

/**
 * The moved line is a field of the right type where it landed, inside values that decode, and the change leaves no
 * field of this kind in a wrong place (a typo elsewhere is another, independent problem). `before`: errors that
 * were already there.
 */
function wellPlaced(landed: Landing, after: Diagnostic[], before: Diagnostic[]): boolean {
  // a field name does not become a label or a selector key
  if (landed.inMap && !landed.item && isFieldOfKind(landed.kind, String(landed.segments[landed.segments.length - 1]))) return false
  const already = new Set(before.map(errorKey))
  for (const e of after) {
    const segments = parseFieldPath(e.field)
    // the line landed in a place that does not decode: in an unknown field, or in a value of the wrong type
    const onTheWay = segments.length <= landed.segments.length && segments.every((s, i) => String(s) === String(landed.segments[i]))
    if (onTheWay && isStructural(e)) return false
    if (isUnknownField(e) && !already.has(errorKey(e)) && e.kind !== null && isFieldOfKind(e.kind, String(segments[segments.length - 1])))
      return false
  }
  return true
}

/** An unknown field that is a near-miss of a field allowed where it is (`imagee`): a typo, not a misplaced line. */
function isTypo(e: Diagnostic): boolean {
  const segments = parseFieldPath(e.field)
  let type: Compiled | undefined = e.kind ? compileDefinition(e.kind) : undefined
  for (const seg of segments.slice(0, -1)) type = childType(type, seg)
  return type?.t === 'struct' && nearMiss(type.names, String(segments[segments.length - 1])) !== undefined
}

function childType(type: Compiled | undefined, seg: string | number): Compiled | undefined {
  if (typeof seg === 'number') return type?.t === 'array' ? type.items : undefined
  return type?.t === 'struct' ? type.props.get(seg) : type?.t === 'map' ? type.values : undefined
}

/**
 * For a document that parsed: the change removes an unknown field or a wrong type, and every structural error it brings up (an unknown
 * field, a wrong type) is inside the block that moved — it was hidden there, a misplaced block is not checked. A rule
 * error elsewhere may come up too: the selector that now exists does not match the labels, say.
 */
function explains(before: Diagnostic[], after: Diagnostic[], landed: string): boolean {
  const afterKeys = new Set(after.map(errorKey))
  const beforeKeys = new Set(before.map(errorKey))
  if (!before.some((e) => isStructural(e) && !afterKeys.has(errorKey(e)))) return false
  const inside = (e: Diagnostic) => e.field === landed || e.field.startsWith(`${landed}.`) || e.field.startsWith(`${landed}[`)
  return after.every((e) => beforeKeys.has(errorKey(e)) || inside(e) || !isStructural(e))
}

function report(c: IndentationCase, lines: string[], t: Trial, syntax: Diagnostic[]): Diagnostic[] {
  const written = lines[t.line]
  const spaces = indentOf(written)
  const inputLine = t.line + c.firstLine
  const onLine = c.errors.find((e) => e.line === inputLine && isStructural(e))
  const readUnder = syntax.length > 0 || !onLine ? null : { path: parentField(onLine.field), asField: isUnknownField(onLine) }
  const base = syntax[0] ?? onLine ?? c.errors[0]
  const hint = misindentedLineHint({
    key: t.path.item ? null : lineKey(written),
    direction: t.column > spaces ? 'indent' : 'outdent',
    readUnder,
    parent: t.path.parent,
    path: t.path.path,
    spaces,
    wantedSpaces: t.column,
  })
  // the parser's words, said of the line that is wrong rather than of where the parser gave up
  const message = syntax.length > 0 ? base.message.replace(/^yaml: line \d+:/, `yaml: line ${inputLine}:`) : base.message
  const explained: Diagnostic = {
    ...base,
    field: syntax.length > 0 ? '' : base.field,
    line: inputLine,
    column: spaces + 1,
    message,
    hint,
    indentation: { column: t.column + 1, parent: t.path.parent },
  }
  // errors still there after the change do not come from this line; new ones were hidden in the misplaced block
  const ofThisDocument = (e: Diagnostic): Diagnostic => {
    const { file: _file, ...rest } = e
    return base.file === undefined ? { ...rest, document: base.document } : { file: base.file, ...rest, document: base.document }
  }
  const afterKeys = new Set(t.errors.map(errorKey))
  const beforeKeys = new Set(c.errors.map(errorKey))
  const out: Diagnostic[] = []
  for (const e of c.errors) {
    if (e === base) out.push(explained)
    else if (afterKeys.has(errorKey(e))) out.push(e)
  }
  for (const e of t.errors) if (!beforeKeys.has(errorKey(e))) out.push(ofThisDocument(e))
  return out
}

function errorKey(e: Diagnostic): string {
  return `${e.field}\u0000${e.type}\u0000${e.message}`
}

/** 0-based lines to try for a syntax error on `at`: the error's own line, then the lines above it, nearest first. */
function aroundSyntaxError(at: number): number[] {
  return [at, at - 1, at + 1, at - 2, at - 3, at - 4, at - 5, at - 6]
}

/** The lines of the first misplaced fields, and the line above each (a parent indented one level too far). */
function nearMisplacedFields(at: number[]): number[] {
  const out: number[] = []
  for (const line of [...new Set(at)].sort((a, b) => a - b).slice(0, 3)) for (const l of [line, line - 1]) if (!out.includes(l)) out.push(l)
  return out
}

/**
 * The shallowest path written on a 1-based line of `text`, e.g. `spec.replicas`, or `…containers[0]` for a list item:
 * where the moved line landed, rendered as Kubernetes does (map keys in brackets). Null when the line starts no
 * field (it became part of a value).
 */
function pathOnLine(text: string, line: number): Landing | null {
  const doc = parseYamlStream(text).documents.find((d) => !d.empty && d.problems.length === 0)
  if (!doc) return null
  const item = /^\s*-(\s|$)/.test(text.split('\n')[line - 1] ?? '')
  const kind = isObject(doc.value) && typeof doc.value.kind === 'string' ? doc.value.kind : ''
  const root: Compiled | undefined = kind ? compileDefinition(kind) : undefined
  const queue: Array<{ value: unknown; type: Compiled | undefined; segments: Array<string | number>; rendered: string }> = [
    { value: doc.value, type: root, segments: [], rendered: '' },
  ]
  for (let seen = 0; queue.length > 0 && seen < 5000; seen++) {
    const { value, type, segments, rendered } = queue.shift()!
    const children: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : isObject(value)
        ? Object.entries(value)
        : []
    for (const [k, v] of children) {
      const childSegments = [...segments, k]
      const childRendered = typeof k === 'number' || type?.t === 'map' ? `${rendered}[${k}]` : rendered === '' ? k : `${rendered}.${k}`
      if (doc.source.positionOf(childSegments).line === line && (typeof k === 'number') === item) {
        return { path: childRendered, parent: rendered, item, segments: childSegments, inMap: type?.t === 'map', kind }
      }
      queue.push({ value: v, type: childType(type, k), segments: childSegments, rendered: childRendered })
    }
  }
  return null
}
