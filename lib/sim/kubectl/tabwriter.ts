/**
 * Go's text/tabwriter as kubectl describe sets it up (describe.go tabbedString: `out.Init(buf, 0, 8, 2, ' ', 0)`:
 * minwidth 0, tabwidth 8, padding 2, padchar ' ', no flags), and kubectl's PrefixWriter on top of it.
 *
 * Text is cut into cells at '\t'; a line's last cell (the text after its last tab) belongs to no column. A column
 * block is a run of consecutive lines that all have a cell in that column; the block's width is its widest cell
 * plus the padding (at least minwidth), and every cell of the block is padded to it. A line without a tab thus ends
 * every block above it. Padding is kept even when nothing follows it (kubectl prints `IP:` plus spaces for a Pod
 * without an IP). With a space padchar the tab width plays no part.
 */
export interface TabwriterOptions {
  minwidth?: number
  padding?: number
  padchar?: string
}

/** Go measures a cell in runes (utf8.RuneCount), not bytes. */
function runeLength(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Formats `text` as Go's tabwriter would on Flush (text after the last '\n' is written unterminated). */
export function tabwrite(text: string, options: TabwriterOptions = {}): string {
  const minwidth = options.minwidth ?? 0
  const padding = options.padding ?? 2
  const padchar = options.padchar ?? ' '
  const lines = text.split('\n').map((l) => l.split('\t'))
  const widths: number[] = []
  const out: string[] = []

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!
      let s = ''
      cells.forEach((cell, j) => {
        s += cell
        if (j < widths.length) s += padchar.repeat(Math.max(0, widths[j]! - runeLength(cell)))
      })
      out.push(s)
    }
  }

  // text/tabwriter's format(): find each block of the next column, fix its width, recurse into it
  const format = (line0: number, line1: number): void => {
    const column = widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t]!.length - 1) continue
      writeLines(line0, t)
      line0 = t
      let width = minwidth
      for (; t < line1; t++) {
        const cells = lines[t]!
        if (column >= cells.length - 1) break
        width = Math.max(width, runeLength(cells[column]!) + padding)
      }
      widths.push(width)
      format(line0, t)
      widths.pop()
      line0 = t
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out.join('\n')
}

/** describe.go LEVEL_0 … LEVEL_3 (the deepest describe goes here): each level indents two spaces. */
export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

/**
 * describe.go's PrefixWriter: `write(level, text)` indents by the level (once, at the start of the text, as
 * kubectl's Sprintf(prefix+format) does), `flush()` ends every column block (DescribeEvents flushes before the
 * events table), and `toString()` flushes and returns the text.
 */
export class PrefixWriter {
  private done = ''
  private pending = ''

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text
  }

  /** fmt.Fprintln: the parts joined by spaces, then a newline. */
  writeLine(...parts: string[]): void {
    this.pending += `${parts.join(' ')}\n`
  }

  /**
   * Formats what was written since the last flush. `minwidth` is for the simulator's own compatibility cases
   * (see describe.ts); kubectl itself always flushes with minwidth 0.
   */
  flush(minwidth = 0): void {
    this.done += tabwrite(this.pending, { minwidth })
    this.pending = ''
  }

  toString(): string {
    this.flush()
    return this.done
  }
}
