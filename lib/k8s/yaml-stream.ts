/**
 * Multi-document YAML → plain JSON values with a SourceMap per document. Uses the `yaml` package's AST (so
 * every node keeps its source range) in YAML 1.1 mode, because kubectl decodes manifests with go-yaml v2:
 * `yes`/`on` are booleans and `0777` is octal there too.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml'
import { MAX_ALIAS_NODES, MAX_DEPTH, checkInputLimits, type LimitProblem } from './input-limits.ts'
import { LineIndex, SourceMap } from './source-map.ts'

export interface SyntaxProblem {
  /** offset in the text */
  offset: number
  /** go-yaml style text, e.g. `yaml: line 3: mapping values are not allowed in this context` */
  message: string
  /** the `yaml` package error code, or our own for limits */
  code: string
}

export interface StreamDocument {
  index: number
  /** null for an empty document */
  value: unknown
  empty: boolean
  source: SourceMap
  problems: SyntaxProblem[]
}

export interface ParsedStream {
  lines: LineIndex
  documents: StreamDocument[]
  /** input refused as a whole (too large, binary, too many documents, too deep) */
  limit: { problem: LimitProblem; document: number } | null
}

export function parseYamlStream(text: string): ParsedStream {
  const lines = new LineIndex(text)
  const limit = checkInputLimits(text)
  if (limit) {
    const offset = 'offset' in limit ? limit.offset : 0
    return { lines, documents: [], limit: { problem: limit, document: documentIndexAt(text, offset) } }
  }
  let docs: Document.Parsed[]
  try {
    const parsed = parseAllDocuments(text, { version: '1.1', prettyErrors: false, uniqueKeys: true })
    docs = Array.isArray(parsed) ? parsed : []
  } catch (error) {
    // The parser reports problems as errors on the document; a throw is a parser bug, still not the learner's crash.
    const message = `yaml: ${error instanceof Error ? error.message : String(error)}`
    return {
      lines,
      documents: [{ index: 0, value: null, empty: false, source: new SourceMap(lines, 0), problems: [{ offset: 0, message, code: 'IMPOSSIBLE' }] }],
      limit: null,
    }
  }
  const budget = { aliasNodes: 0 }
  const documents = docs.map((doc, index) => convertDocument(doc, index, lines, budget))
  return { lines, documents, limit: null }
}

/** Index of the document holding `offset`: `---` markers before it, not counting a leading one. */
function documentIndexAt(text: string, offset: number): number {
  const marker = /^---(?=[ \t\r\n]|$)/gm
  let count = 0
  let first = -1
  for (let m = marker.exec(text); m && m.index <= offset; m = marker.exec(text)) {
    if (first < 0) first = m.index
    count++
  }
  const leadingMarker = first >= 0 && /^(?:\s|#[^\n]*)*$/.test(text.slice(0, first))
  return Math.max(0, leadingMarker ? count - 1 : count)
}

class ConversionStop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
    readonly code: string,
  ) {
    super(reason)
  }
}

interface Context {
  doc: Document.Parsed
  source: SourceMap
  budget: { aliasNodes: number }
  aliasDepth: number
  /** Alias.resolve walks the whole document, so each alias node is resolved once */
  resolved: Map<unknown, unknown>
}

function convertDocument(doc: Document.Parsed, index: number, lines: LineIndex, budget: { aliasNodes: number }): StreamDocument {
  const contents = doc.contents as YamlNode | null
  const start = contents?.range?.[0] ?? doc.range[0]
  const source = new SourceMap(lines, start)
  const problems: SyntaxProblem[] = doc.errors.map((e) => ({
    offset: e.pos[0],
    message: `yaml: line ${lines.positionAt(e.pos[0]).line}: ${lowerFirst(e.message)}`,
    code: e.code,
  }))
  const empty = contents === null || (isScalar(contents) && contents.value === null)
  if (problems.length > 0 || empty) return { index, value: null, empty: empty && problems.length === 0, source, problems }
  try {
    const value = convert(contents, { doc, source, budget, aliasDepth: 0, resolved: new Map() }, '', 0)
    return { index, value, empty: false, source, problems }
  } catch (error) {
    if (!(error instanceof ConversionStop)) throw error
    const message = `yaml: line ${lines.positionAt(error.offset).line}: ${error.reason}`
    return { index, value: null, empty: false, source, problems: [{ offset: error.offset, message, code: error.code }] }
  }
}

function convert(node: unknown, ctx: Context, key: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new ConversionStop(rangeStart(node), `exceeded max depth of ${MAX_DEPTH}`, 'RESOURCE_EXHAUSTION')
  if (ctx.aliasDepth > 0 && ++ctx.budget.aliasNodes > MAX_ALIAS_NODES) {
    throw new ConversionStop(rangeStart(node), 'document contains excessive aliasing', 'RESOURCE_EXHAUSTION')
  }
  if (node === null || node === undefined) return null
  if (isAlias(node)) {
    let target = ctx.resolved.get(node)
    if (target === undefined) {
      target = node.resolve(ctx.doc) ?? null
      ctx.resolved.set(node, target)
    }
    if (!target) throw new ConversionStop(rangeStart(node), `unknown anchor '${node.source}' referenced`, 'BAD_ALIAS')
    ctx.aliasDepth++
    try {
      return convert(target, ctx, key, depth + 1)
    } finally {
      ctx.aliasDepth--
    }
  }
  if (isScalar(node)) return scalarValue(node.value, node.source)
  if (isSeq(node)) {
    const out: unknown[] = []
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i]
      const childKey = `${key}\u0000#${i}`
      if (ctx.aliasDepth === 0) ctx.source.record(childKey, rangeStart(item))
      out.push(convert(item, ctx, childKey, depth + 1))
    }
    return out
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {}
    for (const pair of node.items) {
      const k = pair.key as YamlNode | null
      if (isScalar(k) && typeof k.value === 'symbol') {
        mergeInto(out, pair.value, ctx, key, depth)
        continue
      }
      const name = mapKey(k, ctx)
      const childKey = `${key}\u0000${name}`
      // inside an alias, fields point at the alias itself (their nearest recorded parent)
      if (ctx.aliasDepth === 0) ctx.source.record(childKey, rangeStart(k ?? pair.value))
      setOwn(out, name, convert(pair.value, ctx, childKey, depth + 1))
    }
    return out
  }
  throw new ConversionStop(rangeStart(node), 'unsupported YAML node', 'IMPOSSIBLE')
}

/** `<<: *base` / `<<: [*a, *b]`: copy keys not already present (earlier sources win), as go-yaml does. */
function mergeInto(out: Record<string, unknown>, value: unknown, ctx: Context, key: string, depth: number): void {
  const sources = isSeq(value) ? value.items : [value]
  for (const src of sources) {
    const merged = convert(src, ctx, key, depth + 1)
    if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
      throw new ConversionStop(rangeStart(src), 'map merge requires map or sequence of maps as the value', 'BAD_ALIAS')
    }
    for (const [k, v] of Object.entries(merged)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v)
  }
}

function mapKey(k: YamlNode | null, ctx: Context): string {
  if (k === null) return 'null'
  const target = isAlias(k) ? k.resolve(ctx.doc) : k
  if (isScalar(target)) {
    const v = scalarValue(target.value, target.source)
    return v === null ? 'null' : String(v)
  }
  throw new ConversionStop(rangeStart(k), 'invalid map key: a key must be a plain value, not a map or a list', 'NON_STRING_KEY')
}

function scalarValue(value: unknown, source: string | undefined): unknown {
  if (value instanceof Date || value instanceof Uint8Array) return source ?? String(value) // go-yaml keeps these as text
  if (typeof value === 'bigint') return Number(value)
  if (value === undefined) return null
  return value
}

// `__proto__` is a legal YAML key; assigning it would change the object's prototype instead of adding a field.
function setOwn(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true })
  else out[name] = value
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range
  return range ? range[0] : 0
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s
}
