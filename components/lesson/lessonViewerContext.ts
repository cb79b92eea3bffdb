'use client'
import { createContext, useContext } from 'react'
import type { LessonState } from '@/lib/server/learner-state'

export type LoadedLessonState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; state: LessonState }

export interface LessonViewerValue {
  loaded: LoadedLessonState
  /** ask again (after a pass, or when the first answer failed) */
  reload: () => void
}

export const LessonViewerContext = createContext<LessonViewerValue | null>(null)

/** What the lesson shows of the learner, for components inside a lesson page (LessonViewer.tsx); null elsewhere. */
export function useLessonViewer(): LessonViewerValue | null {
  return useContext(LessonViewerContext)
}
