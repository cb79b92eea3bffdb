/**
 * The terminal's font. xterm measures one cell on the first font of the list and gives a Hangul syllable two
 * cells; its DOM renderer then letter-spaces every glyph whose width is not its cells' (DomRendererRowFactory),
 * so unless the font's Hangul is exactly twice as wide as its Latin, Korean text looks letter-spaced. That
 * was the bug: DejaVu Sans Mono cells (8.43 px at 14 px) around a fallback's 12.88 px Hangul.
 *
 * Measured in Chromium at 14 px (e2e/terminal-files.spec.ts checks it): Nanum Gothic Coding, W 7 px and 가 14 px,
 * exactly 1:2. Noto Sans Mono CJK KR (Debian, ChromeOS) is not: its Hangul keeps Source Han Sans's 0.92 em
 * (12.88 px against 7 px cells), so it is left out. D2Coding, Nanum's successor and common among Korean
 * developers, is drawn on the same 1:2 grid and comes first when installed; otherwise the terminal ships Nanum
 * Gothic Coding (@fontsource, OFL-1.1), for every platform, in unicode-range subsets: a browser downloads the
 * Latin one (14 KB) and only the Korean subsets the screen shows (about 20 KB each).
 *
 * Characters of ambiguous East Asian width (· ↑ … —) are drawn full-width by these fonts but get one cell from
 * xterm: the terminal's own messages avoid them.
 */
export const TERMINAL_FONT_FAMILY = "'D2Coding', 'Nanum Gothic Coding', monospace"
export const TERMINAL_FONT_SIZE = 14

/**
 * Resolves when the shipped font's subsets for `text` are ready, or after `timeoutMs`; `true` when they loaded
 * in time. xterm measures its cell once, at open, and each glyph's width the first time it draws it: a glyph
 * drawn before its subset arrived would be measured on a fallback font and letter-spaced for good. So the
 * terminal waits for the Latin subset before it opens, and for the subsets of a text before it prints it.
 */
export function glyphsReady(fonts: FontFaceSet | undefined, text: string, timeoutMs = 1500): Promise<boolean> {
  if (!fonts) return Promise.resolve(false)
  const loaded = fonts.load(`${TERMINAL_FONT_SIZE}px ${TERMINAL_FONT_FAMILY}`, text).then(
    () => true,
    () => false,
  )
  return Promise.race([loaded, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))])
}

/** Whether a text needs more than the Latin subset (then its glyphs are loaded before it is printed). */
export function needsMoreGlyphs(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- anything outside ASCII needs the shipped font
  return /[^\x00-\x7f]/.test(text)
}

/**
 * Two spellings of the same font list: switching between them makes xterm measure its cells and glyph
 * widths again (a new font string clears its width cache), after a late subset arrived.
 */
export const TERMINAL_FONT_FAMILY_REMEASURED = `${TERMINAL_FONT_FAMILY}, monospace`
