/**
 * Messages between the page and the simulator worker. Everything here is plain data (structured-clone safe):
 * the worker answers each request with the same id, and either a result or the error text.
 */
import type { ApplyResult, EventRecord, FileResult, RunResult, State, TimelinePoint } from '@/lib/sim/index'
import type { Frame } from '@/components/cluster/record-frames'
import type { BrowserExercise } from '@/lib/grading/checklist'
import type { Locale } from '@/i18n/locales'

export interface Recording {
  frames: Frame[]
  /** timeline points from the start of the recording (the one in force then included) to its end */
  timeline: TimelinePoint[]
  /** events that happened during the recording, oldest first */
  events: EventRecord[]
}

/** What each operation takes and gives back. */
export interface SimOps {
  reset: { args: { seed?: number; nodes?: number }; result: State }
  apply: { args: { yaml: string }; result: ApplyResult & { state: State } }
  run: { args: { command: string }; result: RunResult & { state: State } }
  advance: { args: { seconds: number }; result: State }
  snapshot: { args: Record<string, never>; result: State }
  record: { args: { seconds: number; step?: number }; result: Recording }
  complete: { args: { line: string }; result: string[] }
  /** The learner's home directory (lib/sim/files.ts), e.g. the editor's text as `exercise.yaml`. Files survive `reset`. */
  writeFile: { args: { path: string; text: string }; result: FileResult }
  removeFile: { args: { path: string }; result: { removed: boolean } }
  listFiles: { args: Record<string, never>; result: string[] }
  /**
   * The live checklist: grades the learner's YAML with the exercise's public checks on a fresh cluster of its
   * own (setup → the YAML → scenario, as the server does); the workspace's cluster is left as it is.
   */
  check: { args: { exercise: BrowserExercise; yaml: string; lang: Locale }; result: CheckRun }
}

export interface CheckRun {
  /** `notRun`: the cluster refused the YAML, so the check was not run (the validation errors are the cause) */
  checks: { id: string; passed: boolean; notRun?: boolean }[]
  valid: boolean
  /** the run reached one of the exercise's limits: the checks say nothing reliable (the server's message) */
  overBudget: string | null
}
export type SimOp = keyof SimOps

export type SimRequest = { [K in SimOp]: { id: number; op: K; args: SimOps[K]['args'] } }[SimOp]
export type SimResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string }
