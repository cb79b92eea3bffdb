/**
 * The browser's client for `/api/exercises/*`: every response is parsed with zod, so a changed or broken
 * answer from the server becomes a clear error here instead of `undefined` somewhere in the workspace.
 */
import { z } from 'zod'

const diagnosticSchema = z.object({
  field: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
  hint: z.object({ ko: z.string(), en: z.string() }),
})
export type LineDiagnostic = z.infer<typeof diagnosticSchema>

const checkSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  message: z.string(),
  hint: z.string().nullable(),
  line: z.number().int().nullable(),
  weight: z.number(),
})

/** What the workspace uses of the grade API's answer (the simulation trace is left out: the browser replays its own). */
export const gradeResponseSchema = z.object({
  exercise: z.string(),
  passed: z.boolean(),
  score: z.number().min(0).max(1),
  checks: z.array(checkSchema),
  validation: z.object({ valid: z.boolean(), errors: z.array(diagnosticSchema) }),
  durationMs: z.number(),
  saved: z.boolean(),
  lessonCompleted: z.boolean(),
  attempts: z.number().int().nullable(),
  solutionAvailable: z.boolean(),
})
export type GradeResponse = z.infer<typeof gradeResponseSchema>

const solutionSchema = z.object({ solution: z.string() })

export type ExerciseApiFailure =
  | 'too_large' // 413
  | 'unauthorized' // 401: signed out meanwhile
  | 'locked' // 403: the solution is not unlocked yet
  | 'not_found' // 404
  | 'rejected' // another 4xx
  | 'server' // 5xx
  | 'network' // no answer at all
  | 'bad_response' // an answer of the wrong shape

export class ExerciseApiError extends Error {
  constructor(
    readonly reason: ExerciseApiFailure,
    readonly status: number | null,
  ) {
    super(`exercise API: ${reason}${status === null ? '' : ` (${status})`}`)
  }
}

function failureOf(status: number): ExerciseApiFailure {
  if (status === 413) return 'too_large'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'locked'
  if (status === 404) return 'not_found'
  return status >= 500 ? 'server' : 'rejected'
}

// Browsers refuse a keepalive request whose body (with the others in flight) passes 64 KiB.
const keepaliveLimit = 60 * 1024

export type GradeRequest = { yaml: string } | { commands: string[] }

export function createExerciseApi(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  async function call(url: string, init?: RequestInit): Promise<Response> {
    let response: Response
    try {
      response = await fetchImpl(url, init)
    } catch {
      throw new ExerciseApiError('network', null)
    }
    if (!response.ok) throw new ExerciseApiError(failureOf(response.status), response.status)
    return response
  }

  async function parsed<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    let json: unknown
    try {
      json = await response.json()
    } catch {
      throw new ExerciseApiError('bad_response', response.status)
    }
    const result = schema.safeParse(json)
    if (!result.success) throw new ExerciseApiError('bad_response', response.status)
    return result.data
  }

  const path = (exerciseId: string, what: string) => `/api/exercises/${encodeURIComponent(exerciseId)}/${what}`

  return {
    async grade(exerciseId: string, answer: GradeRequest, lang: 'ko' | 'en'): Promise<GradeResponse> {
      const response = await call(path(exerciseId, 'grade'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...answer, lang }),
      })
      return parsed(response, gradeResponseSchema)
    },

    async solution(exerciseId: string): Promise<string> {
      return (await parsed(await call(path(exerciseId, 'solution')), solutionSchema)).solution
    },

    /** `leavingPage`: the request must outlive the page (pagehide), so it goes out with keepalive when small enough. */
    async saveDraft(exerciseId: string, source: string, { leavingPage = false } = {}): Promise<void> {
      const body = JSON.stringify({ source })
      await call(path(exerciseId, 'draft'), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
        keepalive: leavingPage && new TextEncoder().encode(body).byteLength <= keepaliveLimit,
      })
    },
  }
}

export type ExerciseApi = ReturnType<typeof createExerciseApi>
