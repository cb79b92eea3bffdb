// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { ChecklistAction } from '@/lib/grading/checklist'
import type { GradeResponse } from '@/lib/api-contract/exercises'
import type { GradeRequest } from './exercise-api'
import { useSubmit } from './useSubmit'
import { gradeResponse } from './test-builders'

/** A Submit whose grade is `graded` (null: refused, useGrading holds the error); what followed is recorded. */
async function submitWith(graded: GradeResponse | null, { signedIn = true, onLessonPage = true } = {}) {
  const actions: ChecklistAction[] = []
  const said: (string | null)[] = []
  const grade = vi.fn(async (_answer: GradeRequest) => graded)
  const closeSolution = vi.fn()
  const recordPass = vi.fn()
  const reloadLesson = vi.fn()
  const { result } = renderHook(() =>
    useSubmit({
      answer: () => ({ yaml: 'kind: Deployment' }),
      grade,
      closeSolution,
      dispatch: (action) => actions.push(action),
      recordPass,
      say: (message) => said.push(message),
      signedIn,
      reloadLesson: onLessonPage ? reloadLesson : undefined,
    }),
  )
  await act(() => result.current())
  return { actions, said, grade, closeSolution, recordPass, reloadLesson }
}

describe('useSubmit', () => {
  it('sends the answer and ticks every check the server graded, back on the editor', async () => {
    const graded = gradeResponse()
    const submit = await submitWith(graded)
    expect(submit.grade).toHaveBeenCalledWith({ yaml: 'kind: Deployment' })
    expect(submit.said).toEqual([null])
    expect(submit.closeSolution).toHaveBeenCalledOnce()
    expect(submit.actions).toEqual([{ type: 'submit', checks: graded.checks }])
    expect(submit.recordPass).not.toHaveBeenCalled()
    expect(submit.reloadLesson).not.toHaveBeenCalled()
  })

  it("records a pass, and a signed-in learner's lesson asks the server again", async () => {
    const graded = gradeResponse({ passed: true, score: 1 })
    const signedIn = await submitWith(graded)
    expect(signedIn.recordPass).toHaveBeenCalledWith(graded)
    expect(signedIn.reloadLesson).toHaveBeenCalledOnce()

    const visitor = await submitWith(graded, { signedIn: false })
    expect(visitor.recordPass).toHaveBeenCalledWith(graded)
    expect(visitor.reloadLesson).not.toHaveBeenCalled()

    await expect(submitWith(graded, { onLessonPage: false })).resolves.toMatchObject({ actions: [{ type: 'submit' }] })
  })

  it('changes nothing when there is no grade', async () => {
    const submit = await submitWith(null)
    expect(submit.actions).toEqual([])
    expect(submit.closeSolution).not.toHaveBeenCalled()
    expect(submit.recordPass).not.toHaveBeenCalled()
  })
})
