'use client'
import { usePathname } from 'next/navigation'
import { useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * The header's navigation and tools. On wide screens they sit in the header row; at 640 px and below they fold
 * into a disclosure behind a menu button (CSS decides which, so the server renders one tree): the button says
 * whether it is open, Escape closes it and gives focus back to the button, and so does leaving it with Tab or
 * a click elsewhere. Following a link closes it.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  // A new page closes the menu, in the render that shows the page (React's "adjusting state when a prop changes")
  const pathname = usePathname()
  const [lastPathname, setLastPathname] = useState(pathname)
  if (pathname !== lastPathname) {
    setLastPathname(pathname)
    setOpen(false)
  }

  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open])

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button menu-button"
        aria-expanded={open}
        aria-controls="site-menu"
        data-testid="menu-button"
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24">
          {open ? (
            <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M6 6l12 12M18 6 6 18" />
          ) : (
            <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" d="M4 7h16M4 12h16M4 17h16" />
          )}
        </svg>
        {label}
      </button>
      <div
        ref={panel}
        id="site-menu"
        className="site-menu"
        data-open={open}
        onBlur={(event) => {
          // Tab past the last item (or Shift+Tab before the button) closes the menu
          const next = event.relatedTarget as Node | null
          if (open && next && !panel.current?.contains(next) && !button.current?.contains(next)) setOpen(false)
        }}
      >
        {children}
      </div>
    </>
  )
}
