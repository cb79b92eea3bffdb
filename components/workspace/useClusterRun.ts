'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import { parseDuration } from '@/lib/sim/clock'
import type { Recording } from '@/components/simulator/protocol'
import { useSimulator } from '@/components/simulator/use-simulator'
import type { LineDiagnostic } from '@/lib/api-contract/exercises'
import { withElapsedWait } from './elapsed-waits'

export type SetupStep = { wait: string | number } | { run: string } | { apply: string } | { snapshot: string }

export type ClusterMode = 'recording' | 'live'

interface Options {
  cluster: { seed: number; nodes: number }
  setup: SetupStep[]
  /** command exercises record what is typed in the terminal, for Submit */
  recordCommands: boolean
  /** whether the live cluster is on screen (its virtual time then follows the clock) */
  showingLive(prepared: boolean, mode: ClusterMode): boolean
  /** manifest exercises: the editor's text, written to `editorFile` before each terminal command */
  editorText?: () => string | null
}

/** The editor's text as a file in the terminal's home directory (`cat exercise.yaml`, `kubectl apply -f exercise.yaml`). */
export const editorFile = 'exercise.yaml'

export type RunOutcome = { status: 'recorded' } | { status: 'rejected' } | { status: 'failed'; message: string }

/** The in-browser cluster: Run (apply and record), the terminal's commands, and the commands typed so far. */
export function useClusterRun({ cluster, setup, recordCommands, showingLive, editorText }: Options) {
  const [recording, setRecording] = useState<Recording | null>(null)
  const [runMarkers, setRunMarkers] = useState<LineDiagnostic[]>([])
  const [mode, setMode] = useState<ClusterMode>('recording')
  const [running, setRunning] = useState(false)
  const [commands, setCommands] = useState<string[]>([])
  // what Submit sends: the typed commands with the virtual time that passed between them (elapsed-waits.ts)
  const [submittedCommands, setSubmittedCommands] = useState<string[]>([])
  const clockAfterLastCommand = useRef<number | null>(null)
  const [prepared, setPrepared] = useState(false)
  const [resetCount, setResetCount] = useState(0)
  const sim = useSimulator({ seed: cluster.seed, nodes: cluster.nodes, live: showingLive(prepared, mode) })

  // the cluster's virtual clock as of the latest answer (the live terminal moves it every second), and where the
  // prepared cluster's clock stood, so the first command's wait counts from the end of the setup
  const latestTime = useRef<number | null>(null)
  const setupTime = useRef<number | null>(null)
  useEffect(() => {
    latestTime.current = sim.state?.time ?? null
  }, [sim.state])

  /** A fresh cluster with the exercise's prepared state, as the grader starts from. */
  const prepare = useCallback(async () => {
    await sim.api.reset({ seed: cluster.seed, nodes: cluster.nodes })
    for (const step of setup) {
      if ('apply' in step) await sim.api.apply(step.apply)
      else if ('run' in step) await sim.api.run(step.run)
      else if ('wait' in step) await sim.api.advance((parseDuration(step.wait) ?? 0) / 1000)
    }
    const ready = await sim.api.snapshot()
    setupTime.current = ready.time
    latestTime.current = ready.time
    clockAfterLastCommand.current = null
    setPrepared(true)
  }, [sim.api, cluster.seed, cluster.nodes, setup])

  const run = useCallback(
    async (yaml: string): Promise<RunOutcome> => {
      setRunning(true)
      try {
        await prepare()
        const { apply, recording: rec } = await sim.api.applyAndRecord(yaml, { seconds: 120 })
        setRunMarkers(apply.errors)
        if (!rec) return { status: 'rejected' }
        setRecording(rec)
        setMode('recording')
        return { status: 'recorded' }
      } catch (e) {
        return { status: 'failed', message: e instanceof Error ? e.message : String(e) }
      } finally {
        setRunning(false)
      }
    },
    [prepare, sim.api],
  )

  // The terminal acts on the same cluster; command exercises start from the prepared one and record what is typed.
  const runCommand = useCallback(
    async (command: string) => {
      if (!prepared) await prepare()
      const text = editorText?.()
      if (text !== undefined && text !== null) await sim.api.writeFile(editorFile, text)
      const before = latestTime.current
      const answer = await sim.api.run(command)
      if (recordCommands) {
        const since = clockAfterLastCommand.current ?? setupTime.current
        const elapsed = before !== null && since !== null ? before - since : 0
        setCommands((list) => [...list, command])
        setSubmittedCommands((list) => withElapsedWait(list, command, elapsed))
        clockAfterLastCommand.current = answer.state.time
      }
      setMode('live')
      return { ok: answer.ok, output: answer.output, notice: answer.notice }
    },
    [prepared, prepare, sim.api, recordCommands, editorText],
  )

  const resetCluster = useCallback(async () => {
    setCommands([])
    setSubmittedCommands([])
    setRecording(null)
    await prepare()
    setResetCount((n) => n + 1)
  }, [prepare])

  /** Starts the worker when the page is idle, so the first Run answers at once. */
  const warmUp = useCallback(() => {
    const start = () => void sim.api.snapshot().catch(() => {})
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2000 })
    else setTimeout(start, 500)
  }, [sim.api])

  return {
    sim,
    recording,
    runMarkers,
    mode,
    setMode,
    running,
    commands,
    submittedCommands,
    prepared,
    resetCount,
    run,
    runCommand,
    resetCluster,
    warmUp,
  }
}
