/** GET /api/metrics: Prometheus text of this process's metrics; behind METRICS_TOKEN when it is set. */
import { afterEach, describe, expect, it, vi } from 'vitest'

async function routeWith(token: string | undefined) {
  vi.resetModules()
  if (token === undefined) delete process.env.METRICS_TOKEN
  else process.env.METRICS_TOKEN = token
  return (await import('./route')).GET
}
afterEach(() => {
  delete process.env.METRICS_TOKEN
})

const get = (GET: (r: Request) => Promise<Response>, authorization?: string) =>
  GET(new Request('http://localhost/api/metrics', authorization ? { headers: { authorization } } : {}))

describe('GET /api/metrics', () => {
  it('answers the metrics in the Prometheus text format when no token is set', async () => {
    const GET = await routeWith(undefined)
    const { recordRefusal } = await import('@/lib/server/rate-limit/refusals')
    const { installObservability } = await import('@/lib/server/observability/install')
    const { parseEnv } = await import('@/lib/server/env')
    installObservability(parseEnv({}))
    recordRefusal('grade-address', '203.0.113.9', 30)
    const response = await get(GET)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    for (const name of [
      'kubelab_http_requests_total',
      'kubelab_http_request_duration_seconds',
      'kubelab_grade_duration_seconds',
      'kubelab_grades_over_budget_total',
      'kubelab_database_errors_total',
      'kubelab_grading_queue_length',
      'kubelab_process_cpu_seconds_total',
    ])
      expect(text).toContain(`# TYPE ${name} `)
    expect(text).toMatch(/^kubelab_rate_limit_refusals_total\{limit="grade-address"\} [1-9]/m)
    expect(text).toMatch(/^kubelab_grading_queue_length 0$/m)
  })

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-0123456789'
    const GET = await routeWith(token)
    for (const wrong of [undefined, 'Bearer nope', `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`]) {
      const refused = await get(GET, wrong)
      expect(refused.status, String(wrong)).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="kubelab-metrics"')
      expect(await refused.text()).not.toContain('kubelab_')
    }
    const allowed = await get(GET, `Bearer ${token}`)
    expect(allowed.status).toBe(200)
    expect(await allowed.text()).toContain('kubelab_http_requests_total')
  })
})
