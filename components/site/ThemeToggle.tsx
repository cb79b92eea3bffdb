'use client'
import { useSyncExternalStore } from 'react'
import { pageIsDark } from '@/components/terminal/terminal-theme'

type Theme = 'light' | 'dark'

/** The page's theme is its `data-theme` (the theme script sets it from storage before the page shows). */
function subscribeToPageTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => observer.disconnect()
}

function pageTheme(): Theme {
  return pageIsDark(document.documentElement.dataset.theme, window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light'
}

/** Dark mode on or off (a toggle button: one name, pressed when dark); the name shows as text in the phone menu. */
export function ThemeToggle({ label }: { label: string }) {
  // unknown on the server (and so while hydrating): the button renders unpressed, as it always has there
  const theme = useSyncExternalStore<Theme | null>(subscribeToPageTheme, pageTheme, () => null)
  const next: Theme = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="button small theme-toggle"
      aria-label={label}
      aria-pressed={theme === 'dark'}
      data-testid="theme-toggle"
      onClick={() => {
        document.documentElement.dataset.theme = next
        try {
          localStorage.setItem('kubelab-theme', next)
        } catch {}
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      <span className="theme-label" aria-hidden="true">
        {label}
      </span>
    </button>
  )
}
