/**
 * The JSON of `/api/exercises/*` as both sides agree on it: the browser's client (components/workspace/exercise-api.ts)
 * parses every answer with these schemas, and the server's answers are typed against them
 * (lib/server/grading-service.ts, the solution route), so a field one side changes fails to compile on the other.
 * Only what the browser reads is here: the grade's simulation trace and the fields of a diagnostic it ignores are not.
 */
import { z } from 'zod'

const diagnosticSchema = z.object({
  field: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  hint: z.object({ ko: z.string(), en: z.string() }),
  /** the diagnostic's type (`NotSimulated` for a warning); older answers may lack it */
  type: z.string().optional(),
})
/** A diagnostic on a line of the learner's YAML, as the editor marks it. */
export type LineDiagnostic = z.infer<typeof diagnosticSchema>

const checkSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  message: z.string(),
  hint: z.string().nullable(),
  line: z.number().int().nullable(),
  weight: z.number(),
  notRun: z.literal(true).optional(),
})

/** What the grade API adds to the graded result (lib/grading/result.ts): what was stored and what it unlocked. */
const gradeProgressSchema = z.object({
  saved: z.boolean(),
  lessonCompleted: z.boolean(),
  /** attempts so far, this one included (signed-in learners; null for visitors) */
  attempts: z.number().int().nullable(),
  solutionAvailable: z.boolean(),
})
export type GradeProgress = z.infer<typeof gradeProgressSchema>

/** `POST /api/exercises/[id]/grade`: the answer, without the simulation trace (the browser replays its own). */
export const gradeResponseSchema = z.object({
  exercise: z.string(),
  passed: z.boolean(),
  score: z.number().min(0).max(1),
  checks: z.array(checkSchema),
  validation: z.object({ valid: z.boolean(), errors: z.array(diagnosticSchema), warnings: z.array(diagnosticSchema).optional() }),
  notRun: z.string().optional(),
  commandErrors: z
    .array(z.object({ number: z.number().int(), command: z.string(), output: z.string(), explanation: z.string() }))
    .optional(),
  durationMs: z.number(),
  ...gradeProgressSchema.shape,
})
export type GradeResponse = z.infer<typeof gradeResponseSchema>

/** `GET /api/exercises/[id]/solution` */
export const solutionResponseSchema = z.object({ solution: z.string() })
export type SolutionResponse = z.infer<typeof solutionResponseSchema>
