'use client'
import { useCallback, useEffect, useState } from 'react'
import { learnerWorkChanged } from '@/lib/browser/learner-work-changed'

export type Loaded<T> = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; state: T }

/**
 * What a prerendered page (ADR 0018) shows of the person looking, asked from the server once the page is on screen,
 * and again on `reload()` or when their stored work changed elsewhere (learnerWorkChanged). A reload that fails
 * keeps what was shown; only a first answer that never came is an error.
 */
export function useLearnerState<T>(url: string, init?: RequestInit): { loaded: Loaded<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' })
  const [asked, setAsked] = useState(0)
  const reload = useCallback(() => setAsked((n) => n + 1), [])
  useEffect(() => {
    window.addEventListener(learnerWorkChanged, reload)
    return () => window.removeEventListener(learnerWorkChanged, reload)
  }, [reload])
  const method = init?.method
  const body = init?.body
  useEffect(() => {
    let current = true
    fetch(url, { method, body, headers: body === undefined ? undefined : { 'content-type': 'application/json' }, cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status))
        const state = (await response.json()) as T
        if (current) setLoaded({ status: 'ready', state })
      })
      .catch(() => {
        if (current) setLoaded((previous) => (previous.status === 'ready' ? previous : { status: 'failed' }))
      })
    return () => {
      current = false
    }
  }, [url, method, body, asked])
  return { loaded, reload }
}
