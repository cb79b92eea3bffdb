/**
 * A fast path from the `yaml` package's CST straight to JSON values, skipping its Composer (about a fifth of
 * the parse time) for the plain YAML manifests are written in: block maps and sequences, one-line or simple
 * flow collections, quoted/plain/block scalars, comments. Every check the Composer would make on such input is
 * made here too; anything else (anchors, tags, tabs, directives, explicit keys, duplicate keys, odd comment
 * placement, any parse error) returns null and the caller composes the text the ordinary way.
 * Scalars are resolved by the package itself (CST.resolveAsScalar, the Composer's own scalar code).
 * yaml-fast-path.test.ts compares both paths on thousands of mutated manifests.
 */
import { CST, Parser } from 'yaml'
import { MAX_DEPTH } from './input-limits.ts'
import { resolvePlain } from './yaml-scalars.ts'

type Token = CST.Token
type SourceToken = CST.SourceToken
type CollectionItem = CST.CollectionItem

export interface FastDocument {
  value: unknown
  empty: boolean
  /** where the document's content starts (for paths not found in it) */
  offset: number
  /** where the document starts in the text, its `---` included */
  start: number
  /** the document's content in the CST, where positions are looked up */
  token: Token | undefined
}

/** Thrown to abandon the fast path; never escapes this module. */
class Fallback extends Error {}
const FALLBACK = new Fallback()

function bail(): never {
  throw FALLBACK
}

export type FastResult = { docs: FastDocument[] } | { tokens: Token[] }

/**
 * The documents of `text`, or — when the ordinary Composer must handle it — all CST tokens, so the text is
 * not lexed and parsed a second time.
 */
export function composeFast(text: string): FastResult {
  const tokens: Token[] = []
  const docs: FastDocument[] = []
  let fast = !text.includes('\t') // tab rules (TAB_AS_INDENT) are left to the Composer
  for (const token of new Parser().parse(text)) {
    tokens.push(token)
    if (!fast) continue
    switch (token.type) {
      case 'document':
        try {
          docs.push(composeDocument(token))
        } catch (error) {
          if (error !== FALLBACK) throw error
          fast = false
        }
        break
      case 'comment':
      case 'newline':
      case 'space':
      case 'byte-order-mark':
        break
      default:
        fast = false // directives, `...`, errors
    }
  }
  return fast ? { docs } : { tokens }
}

/** resolveProps for the tokens we accept: comments need white space before them; at most one indicator. */
function checkProps(
  tokens: readonly SourceToken[],
  indicator: string | null,
  startOnNewline: boolean,
): { found: SourceToken | null; hasNewline: boolean } {
  let hasSpace = startOnNewline
  let found: SourceToken | null = null
  let hasNewline = false
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        hasSpace = true
        break
      case 'newline':
        hasSpace = true
        hasNewline = true
        break
      case 'comment':
        if (!hasSpace) bail()
        break
      default:
        if (t.type !== indicator || found) bail()
        found = t
        hasSpace = false
    }
  }
  return { found, hasNewline }
}

/** resolveEnd: only white space and comments may follow a node. */
function checkEnd(tokens: readonly SourceToken[] | undefined, reqSpace: boolean): void {
  if (!tokens) return
  let hasSpace = false
  for (const t of tokens) {
    if (t.type === 'space' || t.type === 'newline') hasSpace = true
    else if (t.type === 'comment') {
      if (reqSpace && !hasSpace) bail()
    } else bail()
  }
}

function composeDocument(doc: CST.Document): FastDocument {
  const { found, hasNewline } = checkProps(doc.start, 'doc-start', true)
  const value = doc.value
  if (found && value && (value.type === 'block-map' || value.type === 'block-seq') && !hasNewline) bail()
  checkEnd(doc.end, false)
  if (!value) return { value: null, empty: true, offset: doc.offset, start: doc.offset, token: undefined }
  if (value.type === 'scalar' && BLANK.has(value.source)) {
    scalarValue(value) // still checks what follows it
    return { value: null, empty: true, offset: value.offset, start: doc.offset, token: value }
  }
  return { value: node(value, 0), empty: false, offset: value.offset, start: doc.offset, token: value }
}

const BLANK = new Set(['', '~', 'null', 'Null', 'NULL'])

function node(token: Token, depth: number): unknown {
  if (depth > MAX_DEPTH) bail()
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
      return scalarValue(token)
    case 'block-map':
      return blockMap(token, depth)
    case 'block-seq':
      return blockSeq(token, depth)
    case 'flow-collection':
      return flowCollection(token, depth)
    default:
      return bail() // aliases and errors
  }
}

function scalarValue(token: CST.FlowScalar | CST.BlockScalar): unknown {
  let failed = false
  const r = CST.resolveAsScalar(token, true, () => {
    failed = true
  })
  if (!r || failed) bail()
  if (r.type !== 'PLAIN') return r.value
  const v = resolvePlain(r.value)
  if (typeof v === 'number' && !Number.isFinite(v)) bail() // reported by the ordinary path
  return v
}

/** An implicit key: a one-line scalar, resolved the way the decoder sees it (`yes:` is the key "true"). */
function keyName(key: Token | null | undefined): string {
  if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) return bail()
  if (key.source.includes('\n') || key.source.length > 1024) bail()
  if (key.end?.some((t) => t.type !== 'space')) bail()
  const v = scalarValue(key)
  const name = v === null ? 'null' : String(v)
  if (name === '<<' || name === '__proto__') bail() // merge keys and prototype keys: ordinary path
  return name
}

function put(out: Record<string, unknown>, name: string, value: unknown): void {
  if (Object.hasOwn(out, name)) bail() // duplicate key: the ordinary path reports it
  out[name] = value
}

function isCommentOnly(item: CollectionItem): boolean {
  return !item.key && !item.sep && !item.value
}

function blockMap(bm: CST.BlockMap, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const items = bm.items
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    checkProps(item.start, null, true)
    if (isCommentOnly(item)) {
      if (i !== items.length - 1) bail()
      continue
    }
    const key = item.key
    if (!key || !item.sep || !('indent' in key) || key.indent !== bm.indent) bail()
    const name = keyName(key)
    const { found, hasNewline } = checkProps(item.sep, 'map-value-ind', false)
    if (!found || key.offset < found.offset - 1024) bail()
    const value = item.value
    if (value?.type === 'block-map' && !hasNewline) bail() // "Nested mappings are not allowed in compact mappings"
    put(out, name, value ? node(value, depth + 1) : null)
  }
  return out
}

function blockSeq(bs: CST.BlockSequence, depth: number): unknown[] {
  const out: unknown[] = []
  const items = bs.items
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    const { found } = checkProps(item.start, 'seq-item-ind', true)
    if (!found) {
      if (item.value || i !== items.length - 1) bail()
      continue
    }
    out.push(item.value ? node(item.value, depth + 1) : null)
  }
  return out
}

function flowCollection(fc: CST.FlowCollection, depth: number): unknown {
  const isMap = fc.start.source === '{'
  const map: Record<string, unknown> = {}
  const seq: unknown[] = []
  const items = fc.items
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    let commas = 0
    for (const t of item.start) {
      if (t.type === 'comma') commas++
      else if (t.type !== 'space' && t.type !== 'newline') bail() // comments, `?`, anchors, tags
    }
    if (isCommentOnly(item)) {
      // a trailing comma (`[a, b,]`) is fine; an empty item elsewhere is not
      if (i === 0 || i !== items.length - 1 || commas !== 1) bail()
      continue
    }
    if (commas !== (i === 0 ? 0 : 1)) bail()
    if (isMap) {
      const name = keyName(item.key)
      if (!item.sep) bail()
      const { found } = checkProps(item.sep, 'map-value-ind', false)
      if (!found) bail()
      put(map, name, item.value ? flowValue(item.value, depth) : null)
    } else {
      if (item.sep || item.key || !item.value) bail() // `[a: 1]` pairs: ordinary path
      seq.push(flowValue(item.value, depth))
    }
  }
  const [close, ...rest] = fc.end
  if (close?.source !== (isMap ? '}' : ']')) bail()
  checkEnd(rest, true)
  return isMap ? map : seq
}

function flowValue(token: Token, depth: number): unknown {
  if (token.type === 'block-map' || token.type === 'block-seq') bail()
  return node(token, depth + 1)
}
