'use client'
import { useEffect, useReducer } from 'react'
import { checklistReducer, initialChecklist, type ChecklistItem } from '@/lib/grading/checklist'
import type { PassRecord } from './PassPanel'

/**
 * The exercise's checks as the result panel lists them (lib/grading/checklist.ts: Run ticks the live ones, Submit
 * all); it starts from the last passing result, when there is one and nothing has been run yet.
 */
export function useLiveChecklist(items: ChecklistItem[], passChecks: PassRecord['checks'] | undefined) {
  const [checklist, dispatch] = useReducer(checklistReducer, items, initialChecklist)
  useEffect(() => {
    if (passChecks && passChecks.length > 0) dispatch({ type: 'submit', checks: passChecks })
  }, [passChecks])
  return [checklist, dispatch] as const
}
