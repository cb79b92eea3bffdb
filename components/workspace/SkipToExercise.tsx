'use client'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useHydrated } from '@/components/use-hydrated'

function slotElement(): HTMLElement {
  const host = document.createElement('div')
  host.className = 'skip-links-extra'
  return host
}

/**
 * A second skip link, placed right after the layout's "skip to content" (first in the tab order), on pages with a
 * workspace only. It moves focus to the exercise's heading.
 */
export function SkipToExercise({ targetId, label }: { targetId: string; label: string }) {
  // The link lives outside the component's own markup, so the server renders nothing and hydration keeps nothing.
  const hydrated = useHydrated()
  const [slot] = useState(() => (typeof document === 'undefined' ? null : slotElement()))
  useEffect(() => {
    if (!slot) return
    const first = document.querySelector('body > .skip-link')
    if (first) first.after(slot)
    else document.body.prepend(slot)
    return () => slot.remove()
  }, [slot])
  if (!hydrated || !slot) return null
  return createPortal(
    <a className="skip-link" href={`#${targetId}`} data-testid="skip-to-exercise">
      {label}
    </a>,
    slot,
  )
}
