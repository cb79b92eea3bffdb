/**
 * The text side of the misindented-line search (indentation.ts): which lines may move, to which columns, and a line
 * by line check of a block YAML layout that refuses most trial changes before anything is parsed.
 */

export function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

function isContent(line: string | undefined): line is string {
  if (line === undefined) return false
  const t = line.trim()
  return t !== '' && !t.startsWith('#')
}

/** A line this search may move: written with spaces only, not a document marker, not inside a block scalar. */
export function movable(lines: string[], line: number, scalarLines: Set<number>): boolean {
  const text = lines[line]
  return isContent(text) && !scalarLines.has(line) && !/^(---|\.\.\.)(\s|$)/.test(text) && !/^ *\t/.test(text)
}

/** No quote or bracket left open at the end of the line (a value that spans lines). */
export function balanced(line: string): boolean {
  const t = withoutComment(line)
  let depth = 0
  let quote = ''
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]
    if (quote) {
      if (ch === quote && !(quote === '"' && t[i - 1] === '\\')) quote = ''
    } else if (ch === '"' || ch === "'") {
      // a quote opens a string only at the start of a value, not inside a word (it's)
      if (i === 0 || /[\s:[{,-]/.test(t[i - 1])) quote = ch
    } else if (ch === '[' || ch === '{') depth++
    else if (ch === ']' || ch === '}') depth--
  }
  return quote === '' && depth === 0
}

function withoutComment(line: string): string {
  const m = /(^|\s)#/.exec(line)
  return (m ? line.slice(0, m.index) : line).trimEnd()
}

/**
 * The first line (0-based) whose indentation block YAML cannot accept, or -1: a line deeper than the one above
 * that opens no block (and is not a key of the list item above), or a line back at a column no open block uses.
 */
export function layoutBreak(lines: string[], scalarLines: Set<number>): number {
  // open blocks, innermost last: the column of their line and of their keys (a `- key:` item's keys are 2 further)
  const open: Array<{ indent: number; keys: number; opens: boolean }> = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!isContent(line) || scalarLines.has(i) || /^(---|\.\.\.)(\s|$)/.test(line)) continue
    const indent = indentOf(line)
    const text = withoutComment(line).trimStart()
    const item = /^-(\s|$)/.test(text)
    const here = { indent, keys: item ? indent + 2 : indent, opens: /:$/.test(text) || text === '-' || /^-\s+[^\s:][^:]*:$/.test(text) }
    const above = open[open.length - 1]
    if (above && indent > above.indent) {
      if (!above.opens && indent !== above.keys) return i
      open.push(here)
      continue
    }
    while (open.length > 0 && open[open.length - 1].indent > indent) open.pop()
    const top = open[open.length - 1]
    if (top && top.indent !== indent && top.keys !== indent) return i
    if (top && top.indent === indent) open.pop()
    open.push(here)
  }
  return -1
}

/** Lines that are the content of `|` / `>` block scalars: moving them changes text, not structure. */
export function blockScalarLines(lines: string[]): Set<number> {
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
export function columnsToTry(lines: string[], line: number, scalarLines: Set<number>, current: number, max: number): number[] {
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
  return columns.slice(0, max)
}

/** The key written on a line (`replicas` in `  replicas: 3`), without quotes. */
export function lineKey(line: string): string {
  const t = line.trim()
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#]*?))\s*:(\s|$)/.exec(t)
  if (!m) return t
  return m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3] ?? t
}
