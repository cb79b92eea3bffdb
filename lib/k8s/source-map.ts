/**
 * Where each field of a parsed document sits in the source text. The YAML AST is kept and walked only when a
 * position is asked for (most documents have no errors), so validating pays nothing for positions.
 */
import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml'
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

/** The composed document to walk; documents from the CST fast path compose it only when first asked. */
export type AstProvider = () => { root: unknown; doc: Document | null }

export class SourceMap {
  private ast: { root: unknown; doc: Document | null } | null = null

  /**
   * @param documentOffset where the document starts: the position of paths not found at all
   * @param provider the document's AST; null for objects that did not come from text
   */
  constructor(
    private readonly lines: LineIndex | null,
    private readonly documentOffset: number,
    private readonly provider: AstProvider | null = null,
  ) {}

  private get root(): unknown {
    return this.load().root
  }

  private get doc(): Document | null {
    return this.load().doc
  }

  private load(): { root: unknown; doc: Document | null } {
    this.ast ??= this.provider ? this.provider() : { root: null, doc: null }
    return this.ast
  }

  /** Offset of the path or of its nearest present parent. Inside an alias, the alias itself. */
  offsetOf(segments: ReadonlyArray<string | number>): number {
    let best = this.documentOffset
    let node: unknown = this.root
    let aliased = false
    for (const seg of segments) {
      if (isAlias(node)) {
        if (!this.doc) return best
        node = node.resolve(this.doc)
        aliased = true
      }
      let next: { at: number | null; node: unknown } | null = null
      if (isMap(node)) next = this.findKey(node.items, String(seg), 0)
      else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) next = { at: start(node.items[seg]), node: node.items[seg] }
      if (!next) return best
      if (!aliased && next.at !== null) best = next.at
      node = next.node
    }
    return best
  }

  private findKey(items: ReadonlyArray<{ key: unknown; value: unknown }>, name: string, depth: number): { at: number | null; node: unknown } | null {
    for (const pair of items) {
      if (keyText(pair.key, this.doc) === name) return { at: start(pair.key) ?? start(pair.value), node: pair.value }
    }
    if (depth > 4 || !this.doc) return null
    // a key merged in with `<<: *base` points at the merge line
    for (const pair of items) {
      if (!isScalar(pair.key) || pair.key.source !== '<<') continue
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
      for (const src of sources) {
        const target = isAlias(src) ? src.resolve(this.doc) : src
        if (isMap(target) && this.findKey(target.items, name, depth + 1)) return { at: start(pair.key), node: null }
      }
    }
    return null
  }

  positionOf(field: string | ReadonlyArray<string | number>): SourcePosition {
    if (!this.lines) return { line: 0, column: 0 }
    return this.lines.positionAt(this.offsetOf(typeof field === 'string' ? parseFieldPath(field) : field))
  }
}

/** For objects that did not come from text: every position is 0:0. */
export const NO_SOURCE = new SourceMap(null, 0)
