'use client'
import { useSyncExternalStore } from 'react'

// Hydration happens once: there is nothing to subscribe to.
const subscribeNothing = () => () => {}

/**
 * False on the server and while hydrating, true from the render after: what depends on the browser (its storage,
 * its platform) waits for it, so hydration sees the markup the server rendered. A component mounted after
 * hydration (a client-side navigation) gets true from its first render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
}
