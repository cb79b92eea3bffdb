import { describe, expect, it } from 'vitest'
import { pageIsDark, terminalTheme } from './terminal-theme'

describe('terminalTheme', () => {
  it('takes background, text and cursor from the page tokens', () => {
    const t = terminalTheme({ bgSoft: ' #101010', fg: '#eeeeee', accent: '#3366ff ' }, true)
    expect([t.background, t.foreground, t.cursor, t.cursorAccent]).toEqual(['#101010', '#eeeeee', '#3366ff', '#101010'])
  })

  it('falls back to the default tokens of each mode when the page has none', () => {
    expect(terminalTheme({}, false).background).toBe('#f5f7fa')
    expect(terminalTheme({ bgSoft: '' }, true).background).toBe('#161d26')
  })

  it('uses a lighter ANSI palette in dark mode', () => {
    expect(terminalTheme({}, true).red).not.toBe(terminalTheme({}, false).red)
  })
})

describe('pageIsDark', () => {
  it('follows an explicit choice first, then the system', () => {
    expect(pageIsDark('dark', false)).toBe(true)
    expect(pageIsDark('light', true)).toBe(false)
    expect(pageIsDark(undefined, true)).toBe(true)
    expect(pageIsDark(undefined, false)).toBe(false)
  })
})
