'use client'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { draftKey } from '@/lib/browser/visitor-work'
import { DraftSaver, initialDraftText, type SaveContext } from './draft-saver'
import type { ExerciseApi } from './exercise-api'

/** Browser storage is cheap: save soon after typing pauses. The server gets one request per pause of a second. */
export const localDelayMs = 250
export const serverDelayMs = 1000

function readLocal(exerciseId: string): string | null {
  try {
    return window.localStorage.getItem(draftKey(exerciseId))
  } catch {
    return null // storage disabled
  }
}

function writeLocal(exerciseId: string, text: string): void {
  try {
    window.localStorage.setItem(draftKey(exerciseId), text)
  } catch {} // full or disabled: the server copy (signed in) and the open editor still hold the text
}

export interface Draft {
  /** The editor's text now (the model's, kept in step on every change); before the editor opens, the text it will open with. */
  current(): string
  /** The model changed: remember its text and save it once typing pauses. Never writes back into the editor. */
  edited(text: string): void
  /** Saves whatever is pending now. */
  flush(context?: SaveContext): void
}

/**
 * The learner's text between the editor's model, this browser's storage and the server. The model is the source of
 * truth: the text flows out of it (debounced), and only once, before the editor mounts, into it.
 */
export function useDraft({
  exerciseId,
  starter,
  serverDraft,
  signedIn,
  api,
}: {
  exerciseId: string
  starter: string
  serverDraft: string | null
  signedIn: boolean
  api: ExerciseApi
}): Draft {
  const text = useRef<string | null>(null)
  // The server's copy is read once, when the page is rendered; later changes to the prop must not reach the model.
  const [serverDraftAtLoad] = useState(serverDraft)

  const local = useMemo(() => new DraftSaver({ delayMs: localDelayMs, save: (t) => writeLocal(exerciseId, t) }), [exerciseId])
  const server = useMemo(
    () =>
      signedIn
        ? new DraftSaver({
            delayMs: serverDelayMs,
            alreadySaved: serverDraftAtLoad,
            save: (t, context) => api.saveDraft(exerciseId, t, context),
          })
        : null,
    [signedIn, exerciseId, api, serverDraftAtLoad],
  )

  const current = useCallback(() => {
    text.current ??= initialDraftText({ local: readLocal(exerciseId), server: serverDraftAtLoad, starter })
    return text.current
  }, [exerciseId, starter, serverDraftAtLoad])

  const edited = useCallback(
    (next: string) => {
      text.current = next
      local.schedule(next)
      server?.schedule(next)
    },
    [local, server],
  )

  const flush = useCallback(
    (context: SaveContext = { leavingPage: false }) => {
      local.flush(context)
      server?.flush(context)
    },
    [local, server],
  )

  useEffect(() => {
    const leaving = () => flush({ leavingPage: true })
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leaving()
    }
    window.addEventListener('pagehide', leaving)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', leaving)
      document.removeEventListener('visibilitychange', onVisibility)
      // Leaving the lesson inside the app (no pagehide): what is pending still goes out.
      leaving()
    }
  }, [flush])

  return useMemo(() => ({ current, edited, flush }), [current, edited, flush])
}
