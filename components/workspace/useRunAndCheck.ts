'use client'
import { useCallback, useState, type Dispatch } from 'react'
import { useTranslations } from 'next-intl'
import type { SimulatorApi } from '@/components/simulator/sim-client'
import type { BrowserExercise, ChecklistAction } from '@/lib/grading/checklist'
import type { Locale } from '@/i18n/locales'
import type { RunOutcome } from './useClusterRun'

interface Options {
  /** the YAML to run: the editor's text */
  text(): string
  /** applies it to a fresh prepared cluster and records what follows (useClusterRun's `run`) */
  runCluster(yaml: string): Promise<RunOutcome>
  /** the browser's grader (the simulator worker's `check`) */
  check: SimulatorApi['check']
  /** the public checks the browser may grade; null when there are none */
  browserExercise: BrowserExercise | null
  lang: Locale
  dispatch: Dispatch<ChecklistAction>
  /** the workspace's notice line; null clears it */
  say(message: string | null): void
  /** a Run makes the last Submit's error stale */
  clearSubmitError(): void
  /** the recording is ready: show it */
  showRecording(): void
}

/** Run: the YAML on the in-browser cluster, recorded, then the live checklist ticked by the browser's grader. */
export function useRunAndCheck({
  text,
  runCluster,
  check,
  browserExercise,
  lang,
  dispatch,
  say,
  clearSubmitError,
  showRecording,
}: Options) {
  const t = useTranslations('workspace')
  const [checking, setChecking] = useState(false)

  const run = useCallback(async () => {
    say(null)
    clearSubmitError()
    const yaml = text()
    const outcome = await runCluster(yaml)
    if (outcome.status === 'recorded') showRecording()
    else if (outcome.status === 'rejected') say(t('runRejected'))
    else say(t('simulatorFailed', { message: outcome.message }))
    if (!browserExercise || outcome.status === 'failed') return
    // The live checklist: the same grader as the server's, with the checks the browser may know.
    setChecking(true)
    try {
      const checked = await check(browserExercise, yaml, lang)
      if (checked.overBudget) {
        dispatch({ type: 'runInconclusive' })
        say(t('runOverBudget', { message: checked.overBudget }))
      } else dispatch({ type: 'run', checks: checked.checks })
    } catch (e) {
      dispatch({ type: 'runInconclusive' })
      say(t('runCheckFailed', { message: e instanceof Error ? e.message : String(e) }))
    } finally {
      setChecking(false)
    }
  }, [text, runCluster, check, browserExercise, lang, dispatch, say, clearSubmitError, showRecording, t])

  return { run, checking }
}
