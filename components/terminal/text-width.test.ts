import { describe, expect, it } from 'vitest'
import xterm from '@xterm/headless'
import { charWidth, codePointWidth, textWidth, visibleWidth } from './text-width'

/** The cells xterm itself gives each code point: each is written after an `a` on a line of its own. */
async function xtermWidths(codePoints: number[]): Promise<Map<number, number>> {
  const rows = 1000
  const term = new xterm.Terminal({ cols: 10, rows, scrollback: 0, allowProposedApi: true })
  const widths = new Map<number, number>()
  for (let i = 0; i < codePoints.length; i += rows - 1) {
    const chunk = codePoints.slice(i, i + rows - 1)
    await new Promise<void>((resolve) =>
      term.write(`\x1b[H\x1b[2J${chunk.map((cp) => `a${String.fromCodePoint(cp)}`).join('\r\n')}`, resolve),
    )
    const buffer = term.buffer.active
    chunk.forEach((cp, j) => {
      const line = buffer.getLine(buffer.baseY + j)!
      // a zero-width character joins the `a` before it (or, like U+FEFF, is dropped); otherwise it fills the next cell(s)
      const next = line.getCell(1)!
      widths.set(cp, line.getCell(0)!.getChars().length > 1 || next.getChars() === '' ? 0 : next.getWidth())
    })
  }
  term.dispose()
  return widths
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

describe('text width', () => {
  it('gives every printable character of the BMP and of the planes xterm treats specially the width xterm gives it', async () => {
    const printable = (cp: number) => cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff)
    const codePoints = [
      ...range(0x20, 0xffff),
      ...range(0x10000, 0x1ffff),
      ...range(0x1fff0, 0x2000f),
      ...range(0x2fff0, 0x3000f),
      ...range(0x3fff0, 0x4000f),
      ...range(0xe0000, 0xe01ff),
    ].filter(printable)
    const expected = await xtermWidths(codePoints)
    const wrong = codePoints
      .filter((cp) => codePointWidth(cp) !== expected.get(cp))
      .map((cp) => `U+${cp.toString(16)}: ${codePointWidth(cp)} ≠ ${expected.get(cp)}`)
    expect(wrong).toEqual([])
  }, 30_000)

  it('counts Hangul syllables as two cells, medial and final jamo as none, and Unicode 6 emoji as one', () => {
    expect(textWidth('클러스터를 초기화했습니다.')).toBe(2 * 12 + 1 + 1)
    expect(textWidth('kubectl apply -f exercise.yaml')).toBe(30)
    expect(charWidth('\u1100')).toBe(2) // ᄀ leading consonant
    expect(textWidth('\u1100\u1161\u11a8')).toBe(2) // 각 as conjoining jamo: one wide cell
    expect(charWidth('🙂')).toBe(1)
    expect(charWidth('\u0301')).toBe(0)
    expect(charWidth('Ａ')).toBe(2)
  })

  it('ignores colour codes in a prompt', () => {
    expect(visibleWidth('\x1b[1;32m$ \x1b[0m')).toBe(2)
  })
})
