'use client'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'

/**
 * A second skip link, placed right after the layout's "skip to content" (first in the tab order), on pages with a
 * workspace only. It moves focus to the exercise's heading.
 */
export function SkipToExercise({ targetId, label }: { targetId: string; label: string }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  useEffect(() => {
    const first = document.querySelector('body > .skip-link')
    const host = document.createElement('div')
    host.className = 'skip-links-extra'
    if (first) first.after(host)
    else document.body.prepend(host)
    setSlot(host)
    return () => host.remove()
  }, [])
  if (!slot) return null
  return createPortal(
    <a className="skip-link" href={`#${targetId}`} data-testid="skip-to-exercise">
      {label}
    </a>,
    slot,
  )
}
