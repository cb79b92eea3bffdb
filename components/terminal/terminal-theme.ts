/**
 * xterm colours from the app's theme tokens (app/globals.css), so the terminal follows light and dark mode.
 * The ANSI palette is fixed per mode: the simulator prints little colour, but what it prints must be legible.
 */
export interface TerminalTheme {
  background: string
  foreground: string
  cursor: string
  cursorAccent: string
  selectionBackground: string
  black: string
  red: string
  green: string
  yellow: string
  blue: string
  magenta: string
  cyan: string
  white: string
  brightBlack: string
  brightRed: string
  brightGreen: string
  brightYellow: string
  brightBlue: string
  brightMagenta: string
  brightCyan: string
  brightWhite: string
}

const LIGHT = {
  black: '#1f2328',
  red: '#b42318',
  green: '#1a7f37',
  yellow: '#8a5a00',
  blue: '#1f5fbf',
  magenta: '#8250df',
  cyan: '#0b7285',
  white: '#57606a',
  brightBlack: '#57606a',
  brightRed: '#c62828',
  brightGreen: '#1f883d',
  brightYellow: '#9a6700',
  brightBlue: '#2459c7',
  brightMagenta: '#a475f9',
  brightCyan: '#1b7c83',
  brightWhite: '#6e7781',
}
const DARK = {
  black: '#484f58',
  red: '#ff7b72',
  green: '#56d364',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#c9d1d9',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#7ee787',
  brightYellow: '#f2cc60',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#87e8f0',
  brightWhite: '#f0f6fc',
}

/** `tokens` are the values of --bg-soft, --fg, --accent (as getComputedStyle gives them; blank when unset). */
export function terminalTheme(tokens: { bgSoft?: string; fg?: string; accent?: string }, dark: boolean): TerminalTheme {
  const background = tokens.bgSoft?.trim() || (dark ? '#161d26' : '#f5f7fa')
  const foreground = tokens.fg?.trim() || (dark ? '#e6edf3' : '#18202b')
  const accent = tokens.accent?.trim() || (dark ? '#6ea0ff' : '#2459c7')
  return {
    background,
    foreground,
    cursor: accent,
    cursorAccent: background,
    selectionBackground: dark ? 'rgba(110, 160, 255, 0.35)' : 'rgba(36, 89, 199, 0.25)',
    ...(dark ? DARK : LIGHT),
  }
}

/** Whether the page is dark: the remembered choice (data-theme) wins over the system preference. */
export function pageIsDark(explicit: string | undefined, systemDark: boolean): boolean {
  return explicit === 'dark' || (explicit !== 'light' && systemDark)
}
