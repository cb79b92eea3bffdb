'use client'
import { useEffect, useState } from 'react'
import { pageIsDark } from '@/components/terminal/terminal-theme'

/** The page's theme (the toggle's choice, else the system's), followed as it changes. */
export function usePreferredTheme(): 'light' | 'dark' {
  const [theme, setTheme] = useState<'light' | 'dark'>('light')
  useEffect(() => {
    const read = () => {
      setTheme(
        pageIsDark(document.documentElement.dataset.theme, window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light',
      )
    }
    read()
    const observer = new MutationObserver(read)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  }, [])
  return theme
}
