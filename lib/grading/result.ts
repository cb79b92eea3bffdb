/** The graded result of one submission: the shape of `kubelab grade --json` and of the grade API. */
import type { Diagnostic } from '../k8s/index.ts'

export interface CheckOutcome {
  id: string
  passed: boolean
  /** What was checked and what went wrong, in the requested language. */
  message: string
  /** What to try or read again; null when the check passed. */
  hint: string | null
  /** 1-based line in the submitted YAML this check is about, when it is about a field. */
  line: number | null
  weight: number
  /** The cluster did not run what this check is about (the YAML was refused): it fails, without detail or hint. */
  notRun?: true
}

export interface CommandError {
  number: number
  command: string
  output: string
  explanation: string
}

export interface GradeResult {
  exercise: string
  passed: boolean
  /** Share of check weight passed, 0..1. */
  score: number
  checks: CheckOutcome[]
  /** `omitted`: diagnostics past the first 100 that the grade does not list; `warnings`: valid fields the simulator
   * accepts but does not act on (NotSimulated), on their lines, when there are any */
  validation: { valid: boolean; errors: Diagnostic[]; omitted?: number; warnings?: Diagnostic[] }
  /**
   * Command exercises that did not pass: the learner's commands kubectl refused, by their number in the transcript
   * (1-based), with what kubectl printed (its English, as it printed it) and what that means in the learner's language.
   */
  commandErrors?: CommandError[]
  /** One line, shown after the validation errors, when they kept the cluster from running the YAML (or part of it). */
  notRun?: string
  durationMs: number
}
