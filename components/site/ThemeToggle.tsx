'use client'
import { useEffect, useState } from 'react'
import { pageIsDark } from '@/components/terminal/terminal-theme'

type Theme = 'light' | 'dark'

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null)
  useEffect(() => {
    setTheme(pageIsDark(document.documentElement.dataset.theme, window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light')
  }, [])
  const next: Theme = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="button small"
      aria-label={next === 'dark' ? 'Dark mode / 다크 모드' : 'Light mode / 라이트 모드'}
      aria-pressed={theme === 'dark'}
      onClick={() => {
        document.documentElement.dataset.theme = next
        try {
          localStorage.setItem('kubelab-theme', next)
        } catch {}
        setTheme(next)
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  )
}
