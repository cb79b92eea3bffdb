// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { readVisitorWork } from '@/lib/browser/visitor-work'
import { createExerciseApi } from './exercise-api'
import { useGrading, useSolution } from './useGrading'
import { gradeResponse, json, scriptedFetch } from './test-builders'

const exercise = { id: 'deployment-web', kind: 'manifest' as const, courseId: 'basics', lessonId: 'deployment' }

function renderGrading(script: Parameters<typeof scriptedFetch>, options: { signedIn?: boolean; initialAttempts?: number } = {}) {
  const server = scriptedFetch(...script)
  const api = createExerciseApi(server.fetch)
  const hook = renderHook(() =>
    useGrading({
      api,
      exercise,
      signedIn: options.signedIn ?? true,
      lang: 'en',
      initialAttempts: options.initialAttempts ?? 0,
      initialSolutionAvailable: false,
    }),
  )
  return { ...hook, requests: server.requests }
}

beforeEach(() => window.localStorage.clear())

describe('useGrading', () => {
  it('sends the answer in the page language and shows the grade', async () => {
    const { result, requests } = renderGrading([json(gradeResponse({ passed: true, score: 1, attempts: 1 }))])
    let graded: unknown
    await act(async () => {
      graded = await result.current.submit({ yaml: 'kind: Deployment' })
    })
    expect(requests).toEqual([
      { url: '/api/exercises/deployment-web/grade', method: 'POST', body: { yaml: 'kind: Deployment', lang: 'en' } },
    ])
    expect(graded).toMatchObject({ passed: true, score: 1 })
    expect(result.current.result).toMatchObject({ passed: true, score: 1 })
    expect(result.current.pending).toBe(false)
  })

  it("counts attempts from the server's count when signed in, and one by one for a visitor", async () => {
    // attempts made in another tab since the page rendered count too
    const signedIn = renderGrading([json(gradeResponse({ attempts: 7 }))], { initialAttempts: 4 })
    await act(() => signedIn.result.current.submit({ yaml: 'a' }))
    expect(signedIn.result.current.attempts).toBe(7)

    const visitor = renderGrading([json(gradeResponse({ attempts: null })), json(gradeResponse({ attempts: null }))], { signedIn: false })
    await act(() => visitor.result.current.submit({ yaml: 'a' }))
    await act(() => visitor.result.current.submit({ yaml: 'b' }))
    expect(visitor.result.current.attempts).toBe(2)
  })

  it('unlocks the solution when the server says enough attempts were made', async () => {
    const { result } = renderGrading(
      [json(gradeResponse({ attempts: 2 })), json(gradeResponse({ attempts: 3, solutionAvailable: true }))],
      { initialAttempts: 1 },
    )
    await act(() => result.current.submit({ yaml: 'a' }))
    expect(result.current.solutionAvailable).toBe(false)
    await act(() => result.current.submit({ yaml: 'b' }))
    expect(result.current.solutionAvailable).toBe(true)
  })

  it('surfaces a refusal as a problem and keeps the last grade; the same answer can be sent again', async () => {
    const { result, requests } = renderGrading([
      json(gradeResponse({ score: 0.5 })),
      json({ error: 'too_large' }, 413),
      json(gradeResponse({ score: 1, passed: true })),
    ])
    await act(() => result.current.submit({ yaml: 'first' }))
    let graded: unknown = 'unset'
    await act(async () => {
      graded = await result.current.submit({ yaml: 'x'.repeat(10) })
    })
    expect(graded).toBeNull()
    expect(result.current.error).toEqual({ key: 'errorTooLarge' })
    expect(result.current.result).toMatchObject({ score: 0.5 })
    expect(result.current.pending).toBe(false)
    await act(() => result.current.submit({ yaml: 'x'.repeat(10) }))
    expect(requests.map((r) => r.body)).toEqual([
      { yaml: 'first', lang: 'en' },
      { yaml: 'xxxxxxxxxx', lang: 'en' },
      { yaml: 'xxxxxxxxxx', lang: 'en' },
    ])
    expect(result.current.error).toBeNull()
    expect(result.current.result).toMatchObject({ passed: true })
  })

  it('says how long to wait when the grader is busy, and that the network failed when offline', async () => {
    const { result } = renderGrading([json({ error: 'busy' }, 503, { 'retry-after': '4' }), new TypeError('Failed to fetch')])
    await act(() => result.current.submit({ yaml: 'a' }))
    expect(result.current.error).toEqual({ key: 'errorUnavailable', seconds: 4 })
    await act(() => result.current.submit({ yaml: 'a' }))
    expect(result.current.error).toEqual({ key: 'errorNetwork' })
  })

  it('refuses a command exercise with no commands typed, without asking the server', async () => {
    const { result, requests } = renderGrading([])
    await act(() => result.current.submit({ commands: [] }))
    expect(result.current.error).toEqual({ key: 'noCommands' })
    expect(requests).toEqual([])
  })

  it("keeps a visitor's attempt in this browser, and a signed-in learner's nowhere but the server", async () => {
    const visitor = renderGrading([json(gradeResponse({ passed: true, score: 1 }))], { signedIn: false })
    await act(() => visitor.result.current.submit({ yaml: 'kind: Deployment' }))
    expect(readVisitorWork().exercises['deployment-web']).toMatchObject({
      attempts: 1,
      best: {
        courseId: 'basics',
        lessonId: 'deployment',
        answer: 'kind: Deployment',
        passed: true,
        score: 1,
        checks: [
          { id: 'exists', passed: true },
          { id: 'replicas', passed: false },
        ],
      },
    })

    window.localStorage.clear()
    const signedIn = renderGrading([json(gradeResponse({ passed: true, score: 1 }))], { signedIn: true })
    await act(() => signedIn.result.current.submit({ yaml: 'kind: Deployment' }))
    expect(readVisitorWork().exercises).toEqual({})
  })
})

describe('useSolution', () => {
  function renderSolution(script: Parameters<typeof scriptedFetch>) {
    const server = scriptedFetch(...script)
    const hook = renderHook(() => useSolution(createExerciseApi(server.fetch), 'deployment-web'))
    return { ...hook, requests: server.requests }
  }

  it('opens the solution, fetched once, and closes it', async () => {
    const { result, requests } = renderSolution([json({ solution: 'replicas: 3\n' })])
    expect(result.current.shown).toBe(false)
    let opened: boolean | undefined
    await act(async () => {
      opened = await result.current.open()
    })
    expect(opened).toBe(true)
    expect(result.current).toMatchObject({ shown: true, solution: 'replicas: 3\n', locked: false })
    act(() => result.current.close())
    expect(result.current.shown).toBe(false)
    await act(() => result.current.open())
    expect(result.current.shown).toBe(true)
    expect(requests.map((r) => r.url)).toEqual(['/api/exercises/deployment-web/solution'])
  })

  it('reports a locked solution and shows nothing', async () => {
    const { result } = renderSolution([json({ error: 'locked' }, 403)])
    let opened: boolean | undefined
    await act(async () => {
      opened = await result.current.open()
    })
    expect(opened).toBe(false)
    expect(result.current).toMatchObject({ shown: false, solution: null, locked: true })
  })
})
