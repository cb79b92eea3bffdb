/**
 * Terminal columns taken by text: East Asian wide characters (Hangul, CJK, fullwidth forms, most emoji) take
 * two cells, combining marks none. Enough for a command line; not a full wcwidth.
 */
const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
]

export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f)) return 0
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2
  return 1
}

export function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += charWidth(ch)
  return w
}

/** Visible width of text that may hold ANSI colour codes (a coloured prompt). */
export function visibleWidth(text: string): number {
  return textWidth(text.replace(/\x1b\[[0-9;]*m/g, ''))
}
