'use client'
import { useCallback, type Dispatch } from 'react'
import type { ChecklistAction } from '@/lib/grading/checklist'
import type { GradeResponse } from '@/lib/api-contract/exercises'
import type { GradeRequest } from './exercise-api'

interface Options {
  /** the answer to send: the editor's text, or the commands typed */
  answer(): GradeRequest
  /** grades it (useGrading's `submit`): null when there is no grade (its error says why) */
  grade(answer: GradeRequest): Promise<GradeResponse | null>
  closeSolution(): void
  dispatch: Dispatch<ChecklistAction>
  /** a pass, for the pass panel (usePassRecord) */
  recordPass(graded: GradeResponse): void
  /** the workspace's notice line; null clears it */
  say(message: string | null): void
  signedIn: boolean
  /** asks the server again for the lesson's state (the course map, the "done" mark); absent outside a lesson page */
  reloadLesson?: () => void
}

/** Submit: the server's grade ticks the whole checklist; a pass is recorded and shown. */
export function useSubmit({ answer, grade, closeSolution, dispatch, recordPass, say, signedIn, reloadLesson }: Options) {
  return useCallback(async () => {
    say(null)
    const graded = await grade(answer())
    if (!graded) return
    closeSolution()
    dispatch({ type: 'submit', checks: graded.checks })
    if (graded.passed) {
      recordPass(graded)
      // The course map and the "done" mark ask the server again; the workspace keeps its state.
      if (signedIn) reloadLesson?.()
    }
  }, [answer, grade, closeSolution, dispatch, recordPass, say, signedIn, reloadLesson])
}
