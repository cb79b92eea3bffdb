/** kubectl's tabwriter (minwidth 6, padding 3, space padded; the last column is not padded). */
export function table(rows: string[][]): string {
  if (rows.length === 0) return ''
  const cols = Math.max(...rows.map((r) => r.length))
  const widths: number[] = []
  for (let c = 0; c < cols - 1; c++) widths[c] = Math.max(6, ...rows.map((r) => (r[c] ?? '').length + 3))
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]!) : cell))
        .join('')
        .replace(/\s+$/, ''),
    )
    .map((l) => `${l}\n`)
    .join('')
}
