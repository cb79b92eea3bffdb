import { describe, expect, it, vi } from 'vitest'
import type { z } from 'zod'
import { findExercise } from '@/lib/content/load'
import { gradeExercise } from '@/lib/grading/grade'
import type { GradeResponse as ServerGradeResponse } from '@/lib/server/grading-service'
import { gradeResponseSchema } from '@/lib/api-contract/exercises'
import { createExerciseApi, ExerciseApiError, retryAfterOf } from './exercise-api'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A real grade API answer: the Deployment exercise's starter graded by the real grader. */
function serverAnswer(): ServerGradeResponse {
  const found = findExercise('deployment-web')!
  const { result, simulation } = gradeExercise(found.exercise, { yaml: found.exercise.starter }, { lang: 'en' })
  return { ...result, simulation, saved: false, lessonCompleted: false, attempts: null, solutionAvailable: false }
}

describe('the exercise API client', () => {
  it('parses what the grade route really sends, and posts the answer with the language', async () => {
    const fetchMock = vi.fn(async () => json(serverAnswer()))
    const graded = await createExerciseApi(fetchMock).grade('deployment-web', { yaml: 'kind: Deployment' }, 'en')
    expect(graded.passed).toBe(false)
    expect(graded.checks.find((c) => c.id === 'replicas')?.passed).toBe(false)
    expect(graded).not.toHaveProperty('simulation') // the browser replays its own
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/exercises/deployment-web/grade')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({ yaml: 'kind: Deployment', lang: 'en' })
  })

  it('turns an answer of the wrong shape into a bad_response error, not undefined fields', async () => {
    const { checks: _dropped, ...withoutChecks } = serverAnswer()
    for (const body of [withoutChecks, { ...serverAnswer(), score: 'high' }, 'not an object']) {
      await expect(createExerciseApi(async () => json(body)).grade('x', { yaml: '' }, 'ko')).rejects.toMatchObject({
        reason: 'bad_response',
      })
    }
    await expect(
      createExerciseApi(async () => new Response('<html>', { status: 200 })).grade('x', { yaml: '' }, 'ko'),
    ).rejects.toMatchObject({ reason: 'bad_response' })
  })

  it('names each failing status', async () => {
    const cases: [number, string][] = [
      [413, 'too_large'],
      [401, 'unauthorized'],
      [403, 'locked'],
      [404, 'not_found'],
      [422, 'invalid'],
      [429, 'rate_limited'],
      [503, 'unavailable'],
      [500, 'server'],
      [418, 'rejected'],
    ]
    for (const [status, reason] of cases) {
      const error = await createExerciseApi(async () => json({ error: 'x' }, status))
        .grade('x', { yaml: '' }, 'ko')
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ExerciseApiError)
      expect(error).toMatchObject({ reason, status })
    }
    const offline = await createExerciseApi(async () => Promise.reject(new TypeError('Failed to fetch')))
      .solution('x')
      .catch((e: unknown) => e)
    expect(offline).toMatchObject({ reason: 'network', status: null })
  })

  it('reads the solution', async () => {
    expect(await createExerciseApi(async () => json({ solution: 'kind: Pod\n' })).solution('pod-first-manifest')).toBe('kind: Pod\n')
    await expect(createExerciseApi(async () => json({ solution: 3 })).solution('x')).rejects.toMatchObject({ reason: 'bad_response' })
  })

  it('saves a draft with PUT, with keepalive only when leaving the page and the body is small enough', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    const api = createExerciseApi(fetchMock)
    await api.saveDraft('deployment-web', 'replicas: 3')
    await api.saveDraft('deployment-web', 'replicas: 3', { leavingPage: true })
    await api.saveDraft('deployment-web', '가'.repeat(30_000), { leavingPage: true }) // 90,000 bytes in UTF-8
    const inits = fetchMock.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1])
    expect(inits.map((i) => i.method)).toEqual(['PUT', 'PUT', 'PUT'])
    expect(inits.map((i) => i.keepalive)).toEqual([false, true, false])
    expect(JSON.parse(inits[0]!.body as string)).toEqual({ source: 'replicas: 3' })
    await expect(createExerciseApi(async () => json({}, 401)).saveDraft('x', '')).rejects.toMatchObject({ reason: 'unauthorized' })
  })

  it('escapes the exercise id in the path', async () => {
    const fetchMock = vi.fn(async () => json({ solution: '' }))
    await createExerciseApi(fetchMock).solution('../health')
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/exercises/..%2Fhealth/solution')
  })

  it("follows the server's type: a server answer is a valid schema input (checked by tsc) and parses", () => {
    const input: z.input<typeof gradeResponseSchema> = serverAnswer()
    expect(gradeResponseSchema.safeParse(input).success).toBe(true)
  })

  it('keeps the server’s reason: its code, its message for the learner, and Retry-After', async () => {
    const refuse = (body: unknown, status: number, headers: Record<string, string> = {}) =>
      createExerciseApi(
        async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
      )
        .grade('x', { yaml: '' }, 'ko')
        .catch((e: unknown) => e as ExerciseApiError)
    const over = await refuse({ error: 'over_budget', message: '이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다.', limit: 'pods' }, 422)
    expect(over).toMatchObject({ reason: 'over_budget', status: 422, serverMessage: '이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다.' })
    const quota = await refuse(
      { error: 'quota_exceeded', quota: 'submissions', max: 5000, message: '이 계정에 저장할 수 있는 제출 기록 5000개를 모두 썼습니다.' },
      403,
    )
    expect(quota).toMatchObject({ reason: 'quota', serverMessage: expect.stringContaining('5000개') })
    const limited = await refuse({ error: 'too_many_requests', message: 'Too many requests; try again in 17 s.', retryAfter: 17 }, 429, {
      'retry-after': '17',
    })
    // an English sentence is not shown to a Korean learner: the workspace words it from the code and the seconds
    expect(limited).toMatchObject({ reason: 'rate_limited', retryAfter: 17, serverMessage: null })
    expect(await refuse({ error: 'timeout', message: 'grading took too long' }, 503, { 'retry-after': '2' })).toMatchObject({
      reason: 'unavailable',
      retryAfter: 2,
      serverMessage: null,
    })
    expect(await refuse({ error: 'invalid_input', issues: [] }, 422)).toMatchObject({ reason: 'invalid', serverMessage: null })
    const html = await createExerciseApi(async () => new Response('<html>busy</html>', { status: 503 }))
      .grade('x', { yaml: '' }, 'ko')
      .catch((e: unknown) => e)
    expect(html).toMatchObject({ reason: 'unavailable', retryAfter: null })
  })

  it('reads Retry-After as whole seconds within an hour', () => {
    expect(retryAfterOf('17')).toBe(17)
    expect(retryAfterOf('0.2')).toBe(1)
    expect(retryAfterOf('99999')).toBe(3600)
    expect(retryAfterOf(null)).toBeNull()
    expect(retryAfterOf('Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull()
  })
})
