// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { CheckRun } from '@/components/simulator/protocol'
import type { BrowserExercise, ChecklistAction } from '@/lib/grading/checklist'
import type { Locale } from '@/i18n/locales'
import type { RunOutcome } from './useClusterRun'
import { useRunAndCheck } from './useRunAndCheck'
import { EnglishMessages } from './test-builders'

const browserExercise: BrowserExercise = {
  id: 'deployment-web',
  kind: 'manifest',
  cluster: { seed: 1, nodes: 2 },
  setup: [],
  scenario: [],
  checks: [],
}

/** A Run of `yaml` with the cluster and the browser's grader answering as given; what it said and did is recorded. */
async function runWith({
  outcome,
  checked,
  exercise = browserExercise,
}: {
  outcome: RunOutcome
  checked?: CheckRun | Error
  exercise?: BrowserExercise | null
}) {
  const said: (string | null)[] = []
  const actions: ChecklistAction[] = []
  const runCluster = vi.fn(async (_yaml: string) => outcome)
  const check = vi.fn(async (_exercise: BrowserExercise, _yaml: string, _lang: Locale) => {
    if (checked instanceof Error) throw checked
    return checked ?? { checks: [], valid: true, overBudget: null }
  })
  const clearSubmitError = vi.fn()
  const showRecording = vi.fn()
  const { result } = renderHook(
    () =>
      useRunAndCheck({
        text: () => 'kind: Deployment',
        runCluster,
        check,
        browserExercise: exercise,
        lang: 'en',
        dispatch: (action) => actions.push(action),
        say: (message) => said.push(message),
        clearSubmitError,
        showRecording,
      }),
    { wrapper: EnglishMessages },
  )
  await act(() => result.current.run())
  return { said, actions, runCluster, check, clearSubmitError, showRecording, checking: result.current.checking }
}

describe('useRunAndCheck', () => {
  it("runs the editor's text, shows the recording and ticks the live checks", async () => {
    const checks = [{ id: 'exists', passed: true }]
    const run = await runWith({ outcome: { status: 'recorded' }, checked: { checks, valid: true, overBudget: null } })
    expect(run.runCluster).toHaveBeenCalledWith('kind: Deployment')
    expect(run.check).toHaveBeenCalledWith(browserExercise, 'kind: Deployment', 'en')
    expect(run.showRecording).toHaveBeenCalledOnce()
    expect(run.clearSubmitError).toHaveBeenCalledOnce()
    expect(run.actions).toEqual([{ type: 'run', checks }])
    expect(run.said).toEqual([null])
    expect(run.checking).toBe(false)
  })

  it('says the cluster refused the YAML, and still ticks the checks (they say why)', async () => {
    const checks = [{ id: 'exists', passed: false, notRun: true }]
    const run = await runWith({ outcome: { status: 'rejected' }, checked: { checks, valid: false, overBudget: null } })
    expect(run.said).toEqual([null, 'The cluster refused your YAML; see the markers in the editor.'])
    expect(run.showRecording).not.toHaveBeenCalled()
    expect(run.actions).toEqual([{ type: 'run', checks }])
  })

  it('checks nothing when the simulator failed', async () => {
    const run = await runWith({ outcome: { status: 'failed', message: 'worker crashed' } })
    expect(run.said).toEqual([null, 'The in-browser simulator stopped: worker crashed'])
    expect(run.check).not.toHaveBeenCalled()
    expect(run.actions).toEqual([])
  })

  it('checks nothing when no check can run in the browser', async () => {
    const run = await runWith({ outcome: { status: 'recorded' }, exercise: null })
    expect(run.check).not.toHaveBeenCalled()
    expect(run.actions).toEqual([])
  })

  it('leaves the checks unchecked when the run went over the limits, and says which', async () => {
    const run = await runWith({
      outcome: { status: 'recorded' },
      checked: { checks: [{ id: 'exists', passed: true }], valid: true, overBudget: 'at most 50 Pods' },
    })
    expect(run.actions).toEqual([{ type: 'runInconclusive' }])
    expect(run.said.at(-1)).toBe("This run went past the exercise's limits, so the checks say nothing yet: at most 50 Pods")
  })

  it('leaves the checks unchecked when the checks themselves failed', async () => {
    const run = await runWith({ outcome: { status: 'recorded' }, checked: new Error('out of memory') })
    expect(run.actions).toEqual([{ type: 'runInconclusive' }])
    expect(run.said.at(-1)).toBe('The checks could not run in your browser: out of memory')
    expect(run.checking).toBe(false)
  })
})
