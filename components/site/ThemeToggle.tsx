'use client'
import { useEffect, useState } from 'react'
import { pageIsDark } from '@/components/terminal/terminal-theme'

type Theme = 'light' | 'dark'

/** Dark mode on or off (a toggle button: one name, pressed when dark); the name shows as text in the phone menu. */
export function ThemeToggle({ label }: { label: string }) {
  const [theme, setTheme] = useState<Theme | null>(null)
  useEffect(() => {
    setTheme(pageIsDark(document.documentElement.dataset.theme, window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light')
  }, [])
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
        setTheme(next)
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      <span className="theme-label" aria-hidden="true">
        {label}
      </span>
    </button>
  )
}
