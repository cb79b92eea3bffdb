/**
 * The terminal's font. xterm measures one cell on the first font of the list and draws a Hangul syllable
 * across two cells: unless that font's Hangul is exactly twice as wide as its Latin, Korean text looks
 * letter-spaced (a fallback font's Hangul, about 1 em, in two cells of a Latin monospace, about 1.2 em).
 * So the list starts with Korean coding fonts built on that 1:2 grid: D2Coding (often installed by Korean
 * developers), Noto Sans Mono CJK KR (Debian's fonts-noto-cjk, ChromeOS), and Nanum Gothic Coding, which the
 * terminal ships (@fontsource, OFL) for macOS and Windows, where no such font is installed; its Korean
 * subsets are split by unicode-range, so a browser downloads only those the screen shows.
 */
export const TERMINAL_FONT_FAMILY = "'D2Coding', 'Noto Sans Mono CJK KR', 'Nanum Gothic Coding', monospace"
export const TERMINAL_FONT_SIZE = 14

/**
 * Resolves when the shipped font's Latin and first Hangul subsets are ready (xterm measures its cell once,
 * at open), or after `timeoutMs`; `true` when they loaded in time.
 */
export function terminalFontReady(fonts: FontFaceSet | undefined, timeoutMs = 1500): Promise<boolean> {
  if (!fonts) return Promise.resolve(false)
  const loaded = fonts.load(`${TERMINAL_FONT_SIZE}px ${TERMINAL_FONT_FAMILY}`, 'W가').then(
    () => true,
    () => false,
  )
  return Promise.race([loaded, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))])
}
