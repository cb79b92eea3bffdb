/**
 * Where each field of a parsed document sits in the source text. The parsed tree (the composed AST, or the CST
 * for documents of the fast path) is kept and walked only when a position is asked for — most documents have
 * no errors, so validating pays nothing for positions.
 */
import { CST, isAlias, isMap, isScalar, isSeq, type Document } from 'yaml'
import { parseFieldPath } from './field-path.ts'
import type { SourcePosition } from './types.ts'
import { resolvePlain } from './yaml-scalars.ts'

/** Line starts of the whole text, computed on first use and shared by all documents of a stream. */
export class LineIndex {
  private starts: number[] | null = null
  constructor(private readonly text: string) {}

  positionAt(offset: number): SourcePosition {
    const starts = this.lineStarts()
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 }
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts
    const starts = [0]
    const text = this.text
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    this.starts = starts
    return starts
  }
}

function start(node: unknown): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range
  return range ? range[0] : null
}

/** The key as the decoder saw it: plain scalars resolved (`yes:` is the key "true"), others as written. */
function keyText(key: unknown, doc: Document | null): string | null {
  const k = isAlias(key) && doc ? key.resolve(doc) : key
  if (!isScalar(k)) return null
  const raw = typeof k.value === 'string' ? k.value : String(k.value ?? '')
  if (k.type !== 'PLAIN') return raw
  const v = resolvePlain(raw)
  return v === null ? 'null' : String(v)
}

/** Finds where a path is written: the offset of its key (or list item), of its nearest present parent, or null. */
export type Locator = (segments: ReadonlyArray<string | number>) => number | null

/** Walks a composed document. Inside an alias, fields point at the alias itself. */
export function astLocator(root: unknown, doc: Document | null): Locator {
  const findKey = (
    items: ReadonlyArray<{ key: unknown; value: unknown }>,
    name: string,
    depth: number,
  ): { at: number | null; node: unknown } | null => {
    for (const pair of items) {
      if (keyText(pair.key, doc) === name) return { at: start(pair.key) ?? start(pair.value), node: pair.value }
    }
    if (depth > 4 || !doc) return null
    // a key merged in with `<<: *base` points at the merge line
    for (const pair of items) {
      if (!isScalar(pair.key) || pair.key.source !== '<<') continue
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
      for (const src of sources) {
        const target = isAlias(src) ? src.resolve(doc) : src
        if (isMap(target) && findKey(target.items, name, depth + 1)) return { at: start(pair.key), node: null }
      }
    }
    return null
  }
  return (segments) => {
    let best: number | null = null
    let node: unknown = root
    let aliased = false
    for (const seg of segments) {
      if (isAlias(node)) {
        if (!doc) return best
        node = node.resolve(doc)
        aliased = true
      }
      let next: { at: number | null; node: unknown } | null = null
      if (isMap(node)) next = findKey(node.items, String(seg), 0)
      else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length)
        next = { at: start(node.items[seg]), node: node.items[seg] }
      if (!next) return best
      if (!aliased && next.at !== null) best = next.at
      node = next.node
    }
    return best
  }
}

/** Walks the CST of a document the fast path built (no aliases or merge keys there). */
export function cstLocator(value: CST.Token | undefined): Locator {
  const cstKey = (key: CST.Token | null | undefined): string | null => {
    if (!key) return null
    const r = CST.resolveAsScalar(key, true, () => {})
    if (!r) return null
    if (r.type !== 'PLAIN') return r.value
    const v = resolvePlain(r.value)
    return v === null ? 'null' : String(v)
  }
  return (segments) => {
    let best: number | null = null
    let node: CST.Token | undefined = value
    for (const seg of segments) {
      if (!node) return best
      let next: { at: number; node: CST.Token | undefined } | null = null
      const isSeqLike = node.type === 'block-seq' || (node.type === 'flow-collection' && node.start.source === '[')
      const isMapLike = node.type === 'block-map' || (node.type === 'flow-collection' && node.start.source === '{')
      if (isMapLike) {
        const name = String(seg)
        const item = (node as CST.BlockMap | CST.FlowCollection).items.find((i) => cstKey(i.key) === name)
        if (item?.key) next = { at: item.key.offset, node: item.value }
      } else if (isSeqLike && typeof seg === 'number') {
        // comment-only entries are not items; count the real ones up to the index
        let k = -1
        for (const item of (node as CST.BlockSequence | CST.FlowCollection).items) {
          if (!item.value && !item.start.some((t) => t.type === 'seq-item-ind')) continue
          if (++k === seg) {
            next = { at: item.value?.offset ?? emptyItemOffset(item.start), node: item.value }
            break
          }
        }
      }
      if (!next) return best
      best = next.at
      node = next.node
    }
    return best
  }
}

/** Where the Composer puts an empty `-` item: after the indicator and the spaces that follow it. */
function emptyItemOffset(start: readonly CST.SourceToken[]): number {
  let i = start.length - 1
  while (i >= 0 && (start[i].type === 'space' || start[i].type === 'comment' || start[i].type === 'newline')) i--
  if (i < 0) return start[0]?.offset ?? 0
  let offset = start[i].offset + start[i].source.length
  for (let j = i + 1; j < start.length && start[j].type === 'space'; j++) offset += start[j].source.length
  return offset
}

export class SourceMap {
  private located: Locator | null = null

  /**
   * @param documentOffset where the document starts: the position of paths not found at all
   * @param locator how to find paths (built on first use); null for objects that did not come from text
   */
  constructor(
    private readonly lines: LineIndex | null,
    private readonly documentOffset: number,
    private readonly locator: (() => Locator) | null = null,
  ) {}

  /** Offset of the path or of its nearest present parent. */
  offsetOf(segments: ReadonlyArray<string | number>): number {
    if (!this.locator) return this.documentOffset
    this.located ??= this.locator()
    return this.located(segments) ?? this.documentOffset
  }

  positionOf(field: string | ReadonlyArray<string | number>): SourcePosition {
    if (!this.lines) return { line: 0, column: 0 }
    return this.lines.positionAt(this.offsetOf(typeof field === 'string' ? parseFieldPath(field) : field))
  }
}

/** For objects that did not come from text: every position is 0:0. */
export const NO_SOURCE = new SourceMap(null, 0)
