/**
 * The browser's client for `/api/exercises/*`: every response is parsed with zod (the schemas both sides share,
 * lib/api-contract/exercises.ts), so a changed or broken answer from the server becomes a clear error here
 * instead of `undefined` somewhere in the workspace.
 */
import { z } from 'zod'
import { gradeResponseSchema, solutionResponseSchema, type GradeResponse } from '@/lib/api-contract/exercises'
import type { Locale } from '@/i18n/locales'

export type ExerciseApiFailure =
  | 'too_large' // 413
  | 'unauthorized' // 401: signed out meanwhile
  | 'locked' // 403: the solution is not unlocked yet
  | 'quota' // 403 quota_exceeded: the account's storage quota is used up
  | 'over_budget' // 422 over_budget: the answer asks the simulator for more than the exercise allows
  | 'invalid' // 422 invalid_input: the request was refused as it stands
  | 'rate_limited' // 429: too many grades; Retry-After says when to try again
  | 'unavailable' // 503: the grader is busy or timed out; try again shortly
  | 'not_found' // 404
  | 'rejected' // another 4xx
  | 'server' // 5xx
  | 'network' // no answer at all
  | 'bad_response' // an answer of the wrong shape

export class ExerciseApiError extends Error {
  constructor(
    readonly reason: ExerciseApiFailure,
    readonly status: number | null,
    /** what the server said, in the language the request asked for (over_budget, quota_exceeded), if anything */
    readonly serverMessage: string | null = null,
    /** seconds to wait before trying again (429, 503), from Retry-After */
    readonly retryAfter: number | null = null,
  ) {
    super(`exercise API: ${reason}${status === null ? '' : ` (${status})`}`)
  }
}

const errorBodySchema = z.object({ error: z.string().optional(), message: z.string().max(2000).optional() }).passthrough()

function failureOf(status: number, code: string | undefined): ExerciseApiFailure {
  if (status === 413) return 'too_large'
  if (status === 401) return 'unauthorized'
  if (status === 403) return code === 'quota_exceeded' ? 'quota' : 'locked'
  if (status === 404) return 'not_found'
  if (status === 422) return code === 'over_budget' ? 'over_budget' : 'invalid'
  if (status === 429) return 'rate_limited'
  if (status === 503) return 'unavailable'
  return status >= 500 ? 'server' : 'rejected'
}

/** Retry-After in whole seconds (1 s to 1 h), or null when missing or not a number of seconds. */
export function retryAfterOf(value: string | null): number | null {
  const n = Number(value)
  return value !== null && value.trim() !== '' && Number.isFinite(n) && n >= 0 ? Math.min(3600, Math.max(1, Math.ceil(n))) : null
}

/** The refusal a response carries: its status, the server's code and message, and when to try again. */
export async function errorOf(response: Response): Promise<ExerciseApiError> {
  let code: string | undefined
  let message: string | null = null
  try {
    const body = errorBodySchema.safeParse(await response.json())
    if (body.success) {
      code = body.data.error
      message = body.data.message ?? null
    }
  } catch {
    // not JSON (a proxy's page): the status alone says what happened
  }
  const reason = failureOf(response.status, code)
  // Only these messages are written for the learner, in the language the request named.
  const shown = reason === 'over_budget' || reason === 'quota' ? message : null
  return new ExerciseApiError(reason, response.status, shown, retryAfterOf(response.headers.get('retry-after')))
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
    if (!response.ok) throw await errorOf(response)
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
    async grade(exerciseId: string, answer: GradeRequest, lang: Locale): Promise<GradeResponse> {
      const response = await call(path(exerciseId, 'grade'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...answer, lang }),
      })
      return parsed(response, gradeResponseSchema)
    },

    async solution(exerciseId: string): Promise<string> {
      return (await parsed(await call(path(exerciseId, 'solution')), solutionResponseSchema)).solution
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
