// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { hydrateServerHtml } from '@/lib/testing/hydration'
import { ThemeToggle } from './ThemeToggle'

function systemPrefersDark(dark: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query) => ({ matches: dark && query === '(prefers-color-scheme: dark)' }) as MediaQueryList,
  )
}

const toggle = () => screen.getByTestId('theme-toggle')
const pressed = () => toggle().getAttribute('aria-pressed')

beforeEach(() => {
  delete document.documentElement.dataset.theme
  localStorage.clear()
  systemPrefersDark(false)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('ThemeToggle', () => {
  it('renders unpressed on the server, and shows the stored dark theme once hydrated, without a mismatch', () => {
    // what the theme script does before the page shows, from localStorage
    document.documentElement.dataset.theme = 'dark'
    const { serverHtml, mismatches } = hydrateServerHtml(<ThemeToggle label="Dark mode" />)
    expect(serverHtml).toContain('aria-pressed="false"')
    expect(serverHtml).toContain('☾')
    expect(mismatches).toEqual([])
    expect(pressed()).toBe('true')
    expect(toggle().textContent).toBe('☀Dark mode')
  })

  it("follows the system's dark scheme when no theme was chosen, and a chosen light theme over it", () => {
    systemPrefersDark(true)
    hydrateServerHtml(<ThemeToggle label="Dark mode" />)
    expect(pressed()).toBe('true')
    cleanup()

    document.documentElement.dataset.theme = 'light'
    hydrateServerHtml(<ThemeToggle label="Dark mode" />)
    expect(pressed()).toBe('false')
    expect(toggle().textContent).toBe('☾Dark mode')
  })

  it('switches the page to the other theme, remembers it, and shows it', async () => {
    hydrateServerHtml(<ThemeToggle label="Dark mode" />)
    expect(pressed()).toBe('false')

    await act(async () => fireEvent.click(toggle()))
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(localStorage.getItem('kubelab-theme')).toBe('dark')
    expect(pressed()).toBe('true')

    await act(async () => fireEvent.click(toggle()))
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(localStorage.getItem('kubelab-theme')).toBe('light')
    expect(pressed()).toBe('false')
  })
})
