'use client'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/**
 * A glossary term in a lesson's text (`<Term id="pod">Pod</Term>`): the words stay in the sentence, and their
 * definition shows in a small popover — on hover with a mouse, on keyboard focus, and on a tap or Enter (the words
 * are a button that opens and closes it). The button is described by the definition, so a screen reader reads it
 * on focus. Escape hides the popover; a tap elsewhere closes it. The popover links to the glossary entry.
 */
export function Term({
  href,
  name,
  kubectl,
  definition,
  seeEntry,
  children,
}: {
  href: string
  name: string
  kubectl?: string
  definition: ReactNode
  seeEntry: string
  children?: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const id = useId()
  const wrap = useRef<HTMLSpanElement>(null)
  const popover = useRef<HTMLSpanElement>(null)
  // keep the popover inside the lesson's column (a term near its right edge opens leftwards); on a phone it is a
  // sheet fixed to the bottom of the screen and needs no placing
  const place = () => {
    const tip = popover.current
    if (!tip) return
    tip.style.left = ''
    if (getComputedStyle(tip).position === 'fixed' || getComputedStyle(tip).display === 'none') return
    const column = tip.closest('.lesson-text')?.getBoundingClientRect()
    const right = Math.min(window.innerWidth, column?.right ?? Infinity) - 8
    const over = tip.getBoundingClientRect().right - right
    if (over > 0) tip.style.left = `${-over}px`
  }
  useEffect(() => {
    if (open) place()
  }, [open])
  useEffect(() => {
    if (!open) return
    const outside = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [open])
  return (
    <span
      className="term"
      ref={wrap}
      data-open={open || undefined}
      data-dismissed={dismissed || undefined}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        setOpen(false)
        setDismissed(true)
      }}
      onMouseEnter={place}
      onFocus={place}
      onMouseLeave={() => setDismissed(false)}
      onBlur={(event) => {
        if (wrap.current?.contains(event.relatedTarget as Node | null)) return
        setOpen(false)
        setDismissed(false)
      }}
    >
      <button
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={`${id}-popover`}
        aria-describedby={`${id}-definition`}
        onClick={() => {
          setOpen((o) => !o)
          setDismissed(false)
        }}
      >
        {children}
      </button>
      <span className="term-popover" id={`${id}-popover`} ref={popover}>
        <strong className="term-name">{name}</strong>
        {kubectl && (
          <>
            {' · '}
            <code>{kubectl}</code>
          </>
        )}
        <span className="term-definition" id={`${id}-definition`}>
          {definition}
        </span>
        <a href={href}>{seeEntry} →</a>
      </span>
    </span>
  )
}
