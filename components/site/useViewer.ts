'use client'
import { usePathname } from 'next/navigation'
import { useEffect, useSyncExternalStore } from 'react'
import type { Role } from '@/lib/server/auth/roles'

export interface ViewerSummary {
  id: string
  name: string | null
  email: string | null
  role: Role
  /** comments from their teachers not seen yet (the header's badge); null when the server could not say */
  unreadComments?: number | null
}

/** `loading` until /api/me answers the first time; `unknown` when it could not (offline, server error). */
export type ViewerState = { status: 'loading' } | { status: 'unknown' } | { status: 'ready'; viewer: ViewerSummary | null }

// One answer shared by every component of the page (header, menus, the visitor import offer).
let state: ViewerState = { status: 'loading' }
const listeners = new Set<() => void>()
let inFlight: Promise<void> | null = null

function publish(next: ViewerState) {
  state = next
  listeners.forEach((listener) => listener())
}

/** Asks the server who is signed in (after a sign-in, a sign-out, or any change of page). */
export function refreshViewer(): Promise<void> {
  inFlight ??= fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) throw new Error(String(response.status))
      const body = (await response.json()) as { viewer: ViewerSummary | null }
      publish({ status: 'ready', viewer: body.viewer })
    })
    .catch(() => {
      // keep what we knew; say unknown only when we never knew
      if (state.status === 'loading') publish({ status: 'unknown' })
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const serverState: ViewerState = { status: 'loading' }

/** The signed-in person as the header shows them; pages are prerendered, so this is always asked in the browser. */
export function useViewer(): ViewerState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => serverState,
  )
}

/** The signed-in person, or null while /api/me has not answered, could not, or said nobody is signed in. */
export function useSignedInViewer(): ViewerSummary | null {
  const state = useViewer()
  return state.status === 'ready' ? state.viewer : null
}

/** Mounted once (the header): asks again whenever the page changes, since signing in or out moves to another page. */
export function useViewerRefresh(): void {
  const pathname = usePathname()
  useEffect(() => {
    void refreshViewer()
  }, [pathname])
}
