'use client'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useHydrated } from '@/components/use-hydrated'

const storageKey = 'kubelab:split'
const clamp = (v: number) => Math.min(75, Math.max(25, v))
/** The lesson text's share by default: the workspace gets the rest, wide enough for editor and cluster side by side. */
const defaultPercent = 40

/** The share this browser kept from an earlier lesson page, else the default. */
function savedPercent(): number {
  try {
    const saved = Number(window.localStorage.getItem(storageKey))
    return saved ? clamp(saved) : defaultPercent
  } catch {
    // storage refused (cookies blocked): the default share, as on a first visit
    return defaultPercent
  }
}

/**
 * Lesson text and workspace side by side, with a separator to drag (or move with the arrow keys); one column
 * under 900 px (app/globals.css).
 */
export function SplitPane({ left, right, label }: { left: ReactNode; right: ReactNode; label: string }) {
  // the server renders the default; the saved share (read as the pane mounts) follows hydration
  const hydrated = useHydrated()
  const [savedAtMount] = useState(() => (typeof window === 'undefined' ? defaultPercent : savedPercent()))
  const [chosen, setChosen] = useState<number | null>(null)
  const percent = chosen ?? (hydrated ? savedAtMount : defaultPercent)
  const container = useRef<HTMLDivElement>(null)
  const set = useCallback((value: number) => {
    const next = clamp(value)
    setChosen(next)
    try {
      window.localStorage.setItem(storageKey, String(next))
    } catch {}
  }, [])
  const onPointerDown = (event: React.PointerEvent) => {
    event.preventDefault()
    const rect = container.current?.getBoundingClientRect()
    if (!rect) return
    const move = (e: PointerEvent) => set(((e.clientX - rect.left) / rect.width) * 100)
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  return (
    <div
      className="lesson-layout"
      ref={container}
      style={{ gridTemplateColumns: `minmax(0, ${percent}fr) 8px minmax(0, ${100 - percent}fr)` }}
    >
      {left}
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuemin={25}
        aria-valuemax={75}
        aria-valuenow={Math.round(percent)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') set(percent - 5)
          else if (e.key === 'ArrowRight') set(percent + 5)
          else if (e.key === 'Home') set(25)
          else if (e.key === 'End') set(75)
          else return
          e.preventDefault()
        }}
      />
      {right}
    </div>
  )
}
