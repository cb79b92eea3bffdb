/**
 * Multi-document YAML → plain JSON values with a SourceMap per document. Uses the `yaml` package's AST (so
 * every node keeps its source range) with the failsafe schema; scalars are then resolved the way kubectl's
 * go-yaml v2 does (yaml-scalars.ts), and duplicate keys are found here with a hash set — both cheaper than
 * the package's own YAML 1.1 schema and O(n²) key check, and closer to what Kubernetes accepts.
 */
import { Alias, Composer, Scalar, YAMLMap, YAMLSeq, parseAllDocuments, type CST, type Document, type Node as YamlNode } from 'yaml'
import { MAX_ALIAS_NODES, MAX_DEPTH, checkInputLimits, type LimitProblem } from './input-limits.ts'
import { LineIndex, SourceMap, astLocator, cstLocator } from './source-map.ts'
import { composeFast, type FastDocument } from './yaml-fast-path.ts'
import { resolvePlain, resolveTagged } from './yaml-scalars.ts'

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
  /** offset in the text where the document starts, its `---` included */
  start: number
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

/** @param options.fastPath false forces the ordinary Composer (tests compare both paths) */
export function parseYamlStream(text: string, options: { fastPath?: boolean } = {}): ParsedStream {
  const lines = new LineIndex(text)
  const limit = checkInputLimits(text)
  if (limit) {
    const offset = 'offset' in limit ? limit.offset : 0
    return { lines, documents: [], limit: { problem: limit, document: documentIndexAt(text, offset) } }
  }
  let docs: Document.Parsed[]
  try {
    const fast = options.fastPath === false ? null : composeFast(text)
    if (fast && 'docs' in fast) return { lines, documents: fastDocuments(fast.docs, lines), limit: null }
    docs = fast ? composeTokens(fast.tokens) : composeAll(text)
  } catch (error) {
    // The parser reports problems as errors on the document; a throw is a parser bug, still not the learner's crash.
    const message = `yaml: ${error instanceof Error ? error.message : String(error)}`
    return {
      lines,
      documents: [
        {
          index: 0,
          start: 0,
          value: null,
          empty: false,
          source: new SourceMap(lines, 0, null),
          problems: [{ offset: 0, message, code: 'IMPOSSIBLE' }],
        },
      ],
      limit: null,
    }
  }
  const budget = { aliasNodes: 0 }
  const documents = docs.map((doc, index) => convertDocument(doc, index, lines, budget, text))
  return { lines, documents, limit: null }
}

const COMPOSE_OPTIONS = { schema: 'failsafe', prettyErrors: false, uniqueKeys: false } as const

function composeAll(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, COMPOSE_OPTIONS)
  return Array.isArray(parsed) ? parsed : []
}

/** What parseAllDocuments does after parsing, for tokens the fast path already has. */
function composeTokens(tokens: CST.Token[]): Document.Parsed[] {
  return Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens)) as Document.Parsed[]
}

/** Documents from the CST fast path; their positions are found in the CST. */
function fastDocuments(fast: FastDocument[], lines: LineIndex): StreamDocument[] {
  return fast.map((d, index) => ({
    index,
    start: d.start,
    value: d.value,
    empty: d.empty,
    problems: [],
    source: new SourceMap(lines, d.offset, () => cstLocator(d.token)),
  }))
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
  budget: { aliasNodes: number }
  aliasDepth: number
  /** Alias.resolve walks the whole document, so each alias node is resolved once */
  resolved: Map<unknown, unknown>
}

function convertDocument(
  doc: Document.Parsed,
  index: number,
  lines: LineIndex,
  budget: { aliasNodes: number },
  text: string,
): StreamDocument {
  const contents = doc.contents as YamlNode | null
  const start = contents?.range?.[0] ?? doc.range[0]
  const source = new SourceMap(lines, start, () => astLocator(contents, doc))
  const problems: SyntaxProblem[] = doc.errors.map((e) => {
    const offset = openingOffset(text, e.message, e.pos[0])
    return { offset, message: `yaml: line ${lines.positionAt(offset).line}: ${lowerFirst(e.message)}`, code: e.code }
  })
  const empty = contents === null || (contents instanceof Scalar && contents.type === 'PLAIN' && BLANK.has(String(contents.source ?? '')))
  if (problems.length > 0 || empty)
    return { index, start: doc.range[0], value: null, empty: empty && problems.length === 0, source, problems }
  try {
    const value = convert(contents, { doc, budget, aliasDepth: 0, resolved: new Map() }, 0)
    return { index, start: doc.range[0], value, empty: false, source, problems }
  } catch (error) {
    if (!(error instanceof ConversionStop)) throw error
    const message = `yaml: line ${lines.positionAt(error.offset).line}: ${error.reason}`
    return {
      index,
      start: doc.range[0],
      value: null,
      empty: false,
      source,
      problems: [{ offset: error.offset, message, code: error.code }],
    }
  }
}

function convert(node: unknown, ctx: Context, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new ConversionStop(rangeStart(node), `exceeded max depth of ${MAX_DEPTH}`, 'RESOURCE_EXHAUSTION')
  if (ctx.aliasDepth > 0 && ++ctx.budget.aliasNodes > MAX_ALIAS_NODES) {
    throw new ConversionStop(rangeStart(node), 'document contains excessive aliasing', 'RESOURCE_EXHAUSTION')
  }
  if (node === null || node === undefined) return null
  if (node instanceof Alias) {
    let target = ctx.resolved.get(node)
    if (target === undefined) {
      target = node.resolve(ctx.doc) ?? null
      ctx.resolved.set(node, target)
    }
    if (!target) throw new ConversionStop(rangeStart(node), `unknown anchor '${node.source}' referenced`, 'BAD_ALIAS')
    ctx.aliasDepth++
    try {
      return convert(target, ctx, depth + 1)
    } finally {
      ctx.aliasDepth--
    }
  }
  if (node instanceof Scalar) return scalarOf(node)
  if (node instanceof YAMLSeq) {
    const out: unknown[] = []
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i]
      out.push(convert(item, ctx, depth + 1))
    }
    return out
  }
  if (node instanceof YAMLMap) {
    const out: Record<string, unknown> = {}
    // keys that came from `<<` merges may be overridden by explicit keys; explicit duplicates are errors
    let fromMerge: Set<string> | null = null
    for (const pair of node.items) {
      const k = pair.key as YamlNode | null
      if (k instanceof Scalar && k.type === 'PLAIN' && k.source === '<<' && !k.tag) {
        fromMerge ??= new Set()
        mergeInto(out, fromMerge, pair.value, ctx, depth)
        continue
      }
      const name = mapKey(k, ctx)
      if (Object.hasOwn(out, name)) {
        if (fromMerge?.has(name)) fromMerge.delete(name)
        else throw duplicateKey(node, k, name, depth, ctx)
      }
      const v = convert(pair.value, ctx, depth + 1)
      if (name === '__proto__') setOwn(out, name, v)
      else out[name] = v
    }
    return out
  }
  throw new ConversionStop(rangeStart(node), 'unsupported YAML node', 'IMPOSSIBLE')
}

/**
 * A repeated key. At a document's top level a second `apiVersion` (or `kind`) means two objects written without
 * `---` between them: that key is reported, on its second line, whichever key repeated first.
 */
function duplicateKey(map: YAMLMap, key: YamlNode | null, name: string, depth: number, ctx: Context): ConversionStop {
  if (depth === 0) {
    for (const [objectKey, code] of SECOND_OBJECT_KEYS) {
      const second = secondOccurrence(map, objectKey, ctx)
      if (second) return new ConversionStop(rangeStart(second), `key ${JSON.stringify(objectKey)} already set in map`, code)
    }
  }
  return new ConversionStop(rangeStart(key), `key ${JSON.stringify(name)} already set in map`, 'DUPLICATE_KEY')
}

const SECOND_OBJECT_KEYS = [
  ['apiVersion', 'SECOND_OBJECT_API_VERSION'],
  ['kind', 'SECOND_OBJECT_KIND'],
] as const

function secondOccurrence(map: YAMLMap, name: string, ctx: Context): YamlNode | null {
  let seen = false
  for (const pair of map.items) {
    const k = pair.key as YamlNode | null
    if (!(k instanceof Scalar) || mapKey(k, ctx) !== name) continue
    if (seen) return k
    seen = true
  }
  return null
}

/** `<<: *base` / `<<: [*a, *b]`: copy keys not already present (earlier sources win), as go-yaml does. */
function mergeInto(out: Record<string, unknown>, fromMerge: Set<string>, value: unknown, ctx: Context, depth: number): void {
  const sources = value instanceof YAMLSeq ? value.items : [value]
  for (const src of sources) {
    const merged = convert(src, ctx, depth + 1)
    if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
      throw new ConversionStop(rangeStart(src), 'map merge requires map or sequence of maps as the value', 'BAD_ALIAS')
    }
    for (const [k, v] of Object.entries(merged)) {
      if (Object.prototype.hasOwnProperty.call(out, k)) continue
      setOwn(out, k, v)
      fromMerge.add(k)
    }
  }
}

const BLANK = new Set(['', '~', 'null', 'Null', 'NULL'])

function scalarOf(node: Scalar): unknown {
  const text = typeof node.value === 'string' ? node.value : String(node.value ?? '')
  const plain = node.type === 'PLAIN'
  let value: unknown = text
  if (node.tag) {
    const tagged = resolveTagged(text, node.tag, plain)
    if (!tagged.ok) throw new ConversionStop(rangeStart(node), tagged.error, 'TAG_RESOLVE_FAILED')
    value = tagged.value
  } else if (plain) value = resolvePlain(text)
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // sigs.k8s.io/yaml turns YAML into JSON, which has no NaN or infinity
    throw new ConversionStop(rangeStart(node), `json: unsupported value: ${value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN'}`, 'BAD_SCALAR')
  }
  return value
}

function mapKey(k: YamlNode | null, ctx: Context): string {
  if (k === null) return 'null'
  let target: unknown = k
  if (k instanceof Alias) target = k.resolve(ctx.doc)
  if (target instanceof Scalar) {
    const v = scalarOf(target)
    return v === null ? 'null' : String(v)
  }
  throw new ConversionStop(rangeStart(k), 'invalid map key: a key must be a plain value, not a map or a list', 'NON_STRING_KEY')
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

/**
 * An unclosed quote or bracket is reported where the parser gave up (often the end of the file); the learner
 * needs the line where it was opened.
 */
function openingOffset(text: string, message: string, offset: number): number {
  const quote = /Missing closing (['"])quote/.exec(message)
  const bracket = /must (?:be sufficiently indented and )?end with a ([\]}])/.exec(message)
  const opener = quote ? quote[1] : bracket ? (bracket[1] === ']' ? '[' : '{') : null
  if (!opener) return offset
  const at = text.lastIndexOf(opener, Math.min(offset, text.length - 1))
  return at >= 0 ? at : offset
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s
}
