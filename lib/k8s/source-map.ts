/**
 * Where each field of a parsed document sits in the source text. Offsets are recorded while the YAML AST is
 * converted; line/column are computed only when asked for (most documents have no errors).
 */
import { parseFieldPath, positionKey } from './field-path.ts'
import type { SourcePosition } from './types.ts'

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

export class SourceMap {
  private readonly offsets = new Map<string, number>()

  /** @param documentOffset where the document starts: the position of paths not found at all */
  constructor(
    private readonly lines: LineIndex | null,
    private readonly documentOffset: number,
  ) {}

  record(key: string, offset: number): void {
    if (!this.offsets.has(key)) this.offsets.set(key, offset)
  }

  /** Offset of the path or of its nearest recorded parent. */
  offsetOf(segments: ReadonlyArray<string | number>): number {
    for (let n = segments.length; n > 0; n--) {
      const found = this.offsets.get(positionKey(segments.slice(0, n)))
      if (found !== undefined) return found
    }
    return this.documentOffset
  }

  positionOf(field: string | ReadonlyArray<string | number>): SourcePosition {
    if (!this.lines) return { line: 0, column: 0 }
    return this.lines.positionAt(this.offsetOf(typeof field === 'string' ? parseFieldPath(field) : field))
  }
}

/** For objects that did not come from text: every position is 0:0. */
export const NO_SOURCE = new SourceMap(null, 0)
