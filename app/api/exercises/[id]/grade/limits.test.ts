/**
 * The grade route's limits: visitors per address and learners per user (429 with Retry-After, before any
 * grading), a learner's storage quota (429 for the hour, 403 for the total), and text no database may store
 * (422 naming the field). Nothing here reaches the grading pool.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const viewer = vi.hoisted(() => ({ current: null as { id: string; role: 'learner' } | null }))
const quota = vi.hoisted(() => ({ exceeded: null as unknown }))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => viewer.current }))
vi.mock('@/lib/server/dal', async (original) => ({
  ...(await original<typeof import('@/lib/server/dal')>()),
  dal: () => ({ progress: { submissionQuota: async () => quota.exceeded } }),
}))
const { POST } = await import('./route')
const { createLimits, useLimits, onRefusal } = await import('@/lib/server/rate-limit/index')
const { QuotaExceededError } = await import('@/lib/server/dal/quotas')
const { stampFor } = await import('@/lib/server/rate-limit/client-address')

const off = null
function limitGrades() {
  useLimits(
    createLimits(
      { kind: 'memory' },
      {
        signInAccount: off,
        signInBackoff: { firstSeconds: 30, maxSeconds: 60 },
        signInAddress: off,
        signUpAddress: off,
        gradeUser: { points: 2, seconds: 300 },
        gradeAddress: { points: 1, seconds: 300 },
        quizUser: off,
        importUser: off,
      },
    ),
  )
}

function grade(body: unknown, address = '203.0.113.50', id = 'no-such-exercise') {
  const request = new Request(`http://localhost/api/exercises/${id}/grade`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost', 'x-kubelab-peer': stampFor(address) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return POST(request, { params: Promise.resolve({ id }) })
}

describe('the grade route’s limits', () => {
  beforeEach(() => {
    limitGrades()
    viewer.current = null
    quota.exceeded = null
  })

  it('answers a visitor past the per-address limit 429 with Retry-After, and records it', async () => {
    const seen: string[] = []
    const stop = onRefusal((limit, key) => seen.push(`${limit} ${key}`))
    expect((await grade({ yaml: 'kind: Pod' })).status).toBe(404) // counted, then no such exercise
    const refused = await grade({ yaml: 'kind: Pod' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(250)
    expect(await refused.json()).toMatchObject({ error: 'too_many_requests' })
    expect((await grade({ yaml: 'kind: Pod' }, '203.0.113.51')).status).toBe(404) // another address
    // a forged stamp or X-Forwarded-For does not make another address
    const forged = await POST(
      new Request('http://localhost/api/exercises/x/grade', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost',
          host: 'localhost',
          'x-kubelab-peer': 'guess 198.51.100.9',
          'x-forwarded-for': '198.51.100.9',
        },
        body: '{"yaml":"a"}',
      }),
      { params: Promise.resolve({ id: 'x' }) },
    )
    expect(forged.status).toBe(404) // counted under "unknown" …
    expect(seen).toEqual(['grade-address 203.0.113.50'])
    stop()
  })

  it('limits a signed-in learner per user, wherever the requests come from', async () => {
    viewer.current = { id: 'learner-1', role: 'learner' }
    expect((await grade({ yaml: 'a' }, '203.0.113.60')).status).toBe(404)
    expect((await grade({ yaml: 'a' }, '203.0.113.61')).status).toBe(404)
    expect((await grade({ yaml: 'a' }, '203.0.113.62')).status).toBe(429)
  })

  it('answers a learner past the hourly storage quota 429, past the total 403, before grading', async () => {
    viewer.current = { id: 'learner-2', role: 'learner' }
    quota.exceeded = new QuotaExceededError('submissionsPerHour', 200, 1234)
    const hourly = await grade({ yaml: 'a', lang: 'en' })
    expect(hourly.status).toBe(429)
    expect(hourly.headers.get('retry-after')).toBe('1234')
    quota.exceeded = new QuotaExceededError('submissionsTotal', 2000, null)
    const total = await grade({ yaml: 'a', lang: 'ko' })
    expect(total.status).toBe(403)
    expect(await total.json()).toMatchObject({ error: 'quota_exceeded', max: 2000, message: expect.stringContaining('2000개') })
  })

  it('refuses NUL characters and lone surrogates with a 422 naming the field, before counting', async () => {
    const nul = await grade({ yaml: 'kind: Pod\u0000' })
    expect(nul.status).toBe(422)
    expect((await nul.json()).issues).toEqual([{ path: 'yaml', message: expect.stringContaining('NUL') }])
    const surrogate = await grade('{"commands":["kubectl get pods","kubectl get \\ud800"]}')
    expect(surrogate.status).toBe(422)
    expect((await surrogate.json()).issues).toEqual([{ path: 'commands.1', message: expect.stringContaining('surrogate') }])
    // an emoji is a well-formed pair, not a lone half
    expect((await grade({ yaml: 'kind: Pod # 😀' })).status).toBe(404)
  })

  it('takes a command carrying a here-document with a whole manifest, and refuses one past 64 KiB (422) or all past the body’s 256 KiB (413)', async () => {
    viewer.current = { id: 'u1', role: 'learner' }
    const manifest = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${'  # a long comment line the learner pasted along\n'.repeat(120)}`
    const heredoc = `kubectl apply -f - <<EOF\n${manifest}EOF`
    expect(heredoc.length).toBeGreaterThan(4096)
    expect((await grade({ commands: [heredoc] })).status).toBe(404) // accepted as input, then no such exercise
    const tooLong = await grade({ commands: ['x'.repeat(64 * 1024 + 1)] })
    expect(tooLong.status).toBe(422)
    // together they are bounded by the body's size, as a YAML answer is
    const tooMany = await grade({ commands: Array(5).fill('x'.repeat(60 * 1024)) })
    expect(tooMany.status).toBe(413)
    expect(await tooMany.json()).toMatchObject({ error: 'too_large' })
  })
})
