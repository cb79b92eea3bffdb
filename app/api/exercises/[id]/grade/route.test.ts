/**
 * The grade route with the real worker pool (the development bundle of lib/server/grading-pool), against the
 * hostile grades that used to take the server down (issue 12): each is a 422 within the wall-time budget and a
 * body under 512 KiB, and a normal grade is answered while one runs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/server/viewer', () => ({ currentViewer: async () => null }))
const { POST } = await import('./route')
const { gradingPool } = await import('@/lib/server/grading-pool/index')
const { DEFAULT_WALL_TIME_MS } = await import('@/lib/server/grading-pool/pool')
const { MAX_GRADE_RESPONSE_BYTES } = await import('@/lib/grading/trace')
const { findExercise } = await import('@/lib/content/load')
const { createLimits, useLimits } = await import('@/lib/server/rate-limit/index')
const { parseEnv } = await import('@/lib/server/env')
const { limitSettings } = await import('@/lib/server/rate-limit/index')
// the default limits, counted in memory (no database in this test)
useLimits(createLimits({ kind: 'memory' }, limitSettings(parseEnv({}))))

const deployment = (replicas: number, name = 'web') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n`

function manyDocuments(): string {
  let text = ''
  for (let i = 0; i < 1000; i++) {
    const doc = `${i ? '---\n' : ''}${deployment(50, `web${i}`)}`
    if (JSON.stringify(text + doc).length > 250 * 1024) break
    text += doc
  }
  return text
}

async function grade(exercise: string, body: Record<string, unknown>) {
  const request = new Request(`http://localhost/api/exercises/${exercise}/grade`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost' }, // as a browser on this site sends it
    body: JSON.stringify(body),
  })
  const started = performance.now()
  const response = await POST(request, { params: Promise.resolve({ id: exercise }) })
  const text = await response.text()
  return {
    status: response.status,
    ms: performance.now() - started,
    bytes: Buffer.byteLength(text),
    json: JSON.parse(text) as Record<string, unknown>,
  }
}

const hostile: [string, string, Record<string, unknown>, RegExp][] = [
  [
    '100,000 replicas',
    'deployment-web',
    { yaml: deployment(100_000), lang: 'en' },
    /^This exercise allows at most 50 Pods\. Your submission asks for 100,000\./,
  ],
  [
    '3 × 100,000 replicas in one manifest',
    'deployment-web',
    { yaml: [0, 1, 2].map((i) => deployment(100_000, `w${i}`)).join('---\n'), lang: 'ko' },
    /^이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다\. 제출한 내용은 Pod 300,000개를 요청합니다\./,
  ],
  [
    'kubectl scale --replicas=50000 as a command answer',
    'scaling-web-to-5',
    { commands: ['kubectl scale deployment/web --replicas=50000'], lang: 'en' },
    /at most 50 Pods\. Your submission asks for 50,000\./,
  ],
  // validating ~800 documents takes about half a second; on a heavily loaded machine the wall budget may stop it first
  [
    '1,000 documents of 50 replicas (as many as fit the body)',
    'deployment-web',
    { yaml: manyDocuments(), lang: 'en' },
    /^This exercise allows at most 200 objects\.|^Grading took longer than its limit of 2 s/,
  ],
  [
    'traffic and wait 1000h',
    'scaling-web-to-5',
    { commands: ['traffic start svc/web --rps 1000', 'wait 1000h'], lang: 'ko' },
    /^이 실습에서는 클러스터 시간을 최대 1시간까지/,
  ],
  [
    '190 full listings of 50 Pods (legal, but past the wall time)',
    'scaling-web-to-5',
    { commands: ['kubectl scale deployment/web --replicas=50', 'wait 1m', ...Array(190).fill('kubectl get pods -o yaml')], lang: 'en' },
    /^Grading took longer than its limit of 2 s/,
  ],
]

describe('POST /api/exercises/[id]/grade with the grading pool', () => {
  beforeAll(async () => {
    await gradingPool() // bundles the worker on first use (about a second) and starts the threads
    expect((await grade('deployment-web', { yaml: findExercise('deployment-web')!.exercise.solution })).status).toBe(200)
  }, 60_000)
  afterAll(async () => (await gradingPool()).close())

  it.each(hostile)(
    'answers %s with a 422 naming the limit, within the wall budget, in a small body',
    async (_name, exercise, body, message) => {
      const r = await grade(exercise, body)
      expect(r.status).toBe(422)
      expect(r.json.error).toBe('over_budget')
      expect(r.json.message).toMatch(message)
      expect(r.ms).toBeLessThan(DEFAULT_WALL_TIME_MS + 1500)
      expect(r.bytes).toBeLessThan(MAX_GRADE_RESPONSE_BYTES)
    },
  )

  it('counts the grades over budget by exercise and limit, and times every grade by exercise and outcome', async () => {
    const { metrics } = await import('@/lib/server/observability/metrics')
    const overBudget = async () =>
      Object.fromEntries((await metrics().gradesOverBudget.get()).values.map((v) => [`${v.labels.exercise} ${v.labels.limit}`, v.value]))
    const before = await overBudget()
    await grade('deployment-web', hostile[0]![2])
    const after = await overBudget()
    expect(after['deployment-web pods']).toBe((before['deployment-web pods'] ?? 0) + 1)
    const timed = (await metrics().gradeDuration.get()).values.filter((v) => v.metricName === 'kubelab_grade_duration_seconds_count')
    expect(timed.find((v) => v.labels.exercise === 'deployment-web' && v.labels.outcome === 'graded')?.value).toBeGreaterThanOrEqual(1)
    expect(timed.find((v) => v.labels.exercise === 'deployment-web' && v.labels.outcome === 'over_budget')?.value).toBeGreaterThanOrEqual(1)
  })

  it('answers a normal grade while a hostile one runs', async () => {
    let hostileAnswered = false
    const slow = grade('scaling-web-to-5', hostile[5]![2]).finally(() => (hostileAnswered = true))
    await new Promise((r) => setTimeout(r, 100))
    const normal = await grade('deployment-web', { yaml: findExercise('deployment-web')!.exercise.solution, lang: 'en' })
    expect(normal.status).toBe(200)
    expect(normal.json.passed).toBe(true)
    // answered on another thread while the hostile grade still runs to its wall budget (an order, not a timing:
    // a loaded machine slows both)
    expect(hostileAnswered).toBe(false)
    expect((await slow).status).toBe(422)
  })

  it('answers a large legal answer whole but thinned under 512 KiB', async () => {
    // 43 crash-looping Pods listed in full six times: more than 512 KiB of output, yet light enough (~0.2 s on an
    // idle machine) that a loaded one does not reach the 2 s wall budget (lib/grading/budget.test.ts thins the largest)
    const commands = [
      'kubectl create deployment crash --image=busybox --replicas=43',
      'wait 5m',
      ...Array(6).fill('kubectl get pods -o yaml'),
    ]
    const r = await grade('scaling-web-to-5', { commands, lang: 'en' })
    expect(r.status).toBe(200)
    expect(r.bytes).toBeLessThan(MAX_GRADE_RESPONSE_BYTES)
    const simulation = r.json.simulation as { thinned?: { events: [number, number]; outputsCut: number }; final: unknown }
    expect(simulation.final).not.toBeNull()
    expect(simulation.thinned!.outputsCut).toBeGreaterThan(0)
  })
})
