'use client'
import { createContext, useContext } from 'react'
import type { LessonState } from '@/lib/server/learner-state'
import type { Loaded } from './useLearnerState'

export type LoadedLessonState = Loaded<LessonState>

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
