'use client'
import { useEffect, useRef, type ReactNode } from 'react'
import { refreshViewer } from '@/components/site/useViewer'

/** Tells the server these comments were seen; then the header asks again for its unread count. */
export async function markCommentsRead(ids: readonly string[]): Promise<boolean> {
  try {
    const response = await fetch('/api/me/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ ids }),
    })
    if (!response.ok) return false
    void refreshViewer()
    return true
  } catch {
    return false // offline: they stay unread and are marked the next time they are seen
  }
}

/**
 * Marks comments read once what wraps them is on screen (a lesson's workspace may be below the text on a phone,
 * My progress may need scrolling): a comment counts as read when it could have been seen, not when the page loaded.
 */
export function MarkReadWhenSeen({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  const key = ids.join(' ')
  useEffect(() => {
    const element = box.current
    const unread = key ? key.split(' ') : []
    if (!element || unread.length === 0) return
    let sent = false
    const mark = () => {
      if (sent) return
      sent = true
      void markCommentsRead(unread)
    }
    if (typeof IntersectionObserver === 'undefined') {
      mark()
      return
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect()
        mark()
      }
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [key])
  return <div ref={box}>{children}</div>
}
