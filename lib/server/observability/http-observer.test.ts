/** The observer on a real Node HTTP server: ids on responses and on every line, request logs and metrics. */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createObserver } from './http-observer.ts'
import { createMetrics } from './metrics.ts'
import { routeTableFrom } from './route-label.ts'
import { memoryLogger } from '../../testing/logger.ts'

const { logger, lines } = memoryLogger('debug')
const metrics = createMetrics({ processMetrics: false })
const routes = routeTableFrom({
  staticRoutes: [{ page: '/api/health', regex: '^/api/health(?:/)?$' }],
  dynamicRoutes: [
    { page: '/work/[id]', regex: '^/work/([^/]+?)(?:/)?$' },
    { page: '/reset/[token]', regex: '^/reset/([^/]+?)(?:/)?$' },
  ],
})

function observe(trustProxy: boolean) {
  const observer = createObserver({ trustProxy, routes, log: () => logger, metrics: () => metrics })
  const start = (m: unknown) => observer.onStart(m as never)
  const finish = (m: unknown) => observer.onFinish(m as never)
  subscribe('http.server.request.start', start)
  subscribe('http.server.response.finish', finish)
  return () => {
    unsubscribe('http.server.request.start', start)
    unsubscribe('http.server.response.finish', finish)
  }
}

let server: Server
let base = ''
beforeAll(async () => {
  // a handler that logs after waiting, as a route handler that awaits the database does
  server = createServer(async (request, response) => {
    const wait = Number(new URL(request.url!, 'http://x').searchParams.get('wait') ?? 0)
    await new Promise((r) => setTimeout(r, wait))
    logger.info({ event: 'work.done', seen: request.headers['x-request-id'] }, 'working')
    response.statusCode = request.url!.startsWith('/missing') ? 404 : 200
    response.end('ok')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const byId = (id: string) => lines.filter((l) => l.reqId === id)

describe('the HTTP observer', () => {
  it('gives every response an X-Request-Id that every line written for it carries, across awaits and concurrent requests', async () => {
    const stop = observe(false)
    try {
      lines.length = 0
      const responses = await Promise.all(
        [40, 5, 20, 0].map((wait, i) => fetch(`${base}/work/${i}?wait=${wait}`, { headers: { 'x-request-id': `client-chosen-${i}-id` } })),
      )
      const ids = responses.map((r) => r.headers.get('x-request-id')!)
      expect(new Set(ids).size).toBe(4)
      for (const [i, id] of ids.entries()) {
        expect(id).not.toBe(`client-chosen-${i}-id`) // no trusted proxy: the client's id is replaced
        const mine = byId(id)
        expect(mine.map((l) => l.event)).toEqual(['work.done', 'http.request'])
        expect(mine[0]).toMatchObject({ seen: id, level: 'info' }) // the handler reads the same id from its request
        expect(mine[1]).toMatchObject({ method: 'GET', route: '/work/[id]', path: `/work/${i}`, status: 200, level: 'info' })
        expect(typeof mine[1]!.ms).toBe('number')
        expect(typeof mine[1]!.time).toBe('string')
      }
      expect(lines.every((l) => typeof l.reqId === 'string')).toBe(true)
    } finally {
      stop()
    }
  })

  it("keeps a trusted proxy's well-formed id, not a malformed one", async () => {
    const stop = observe(true)
    try {
      const kept = await fetch(`${base}/work/a`, { headers: { 'x-request-id': 'edge-0f8fad5b-d9cb' } })
      expect(kept.headers.get('x-request-id')).toBe('edge-0f8fad5b-d9cb')
      const replaced = await fetch(`${base}/work/a`, { headers: { 'x-request-id': 'a b' } })
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    } finally {
      stop()
    }
  })

  it('counts and times requests by route template and status, logs probes at debug and never a token path', async () => {
    const stop = observe(false)
    try {
      lines.length = 0
      await Promise.all([
        fetch(`${base}/work/1`),
        fetch(`${base}/work/2`),
        fetch(`${base}/api/health`),
        fetch(`${base}/missing/x`),
        fetch(`${base}/reset/SECRET-TOKEN-VALUE`),
      ])
      const counted = await metrics.httpRequests.get()
      const count = (route: string, status: string) =>
        counted.values.find((v) => v.labels.route === route && v.labels.status === status)?.value
      expect(count('/work/[id]', '200')).toBeGreaterThanOrEqual(2)
      expect(count('/api/health', '200')).toBe(1)
      expect(count('(not found)', '404')).toBe(1)
      const text = await metrics.registry.metrics()
      expect(text).toMatch(/kubelab_http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} 1/)
      expect(text).not.toContain('SECRET-TOKEN-VALUE')
      expect(lines.find((l) => l.route === '/api/health')).toMatchObject({ level: 'debug' })
      expect(lines.find((l) => l.route === '/reset/[token]')).toMatchObject({ path: '/reset/[token]' })
      expect(JSON.stringify(lines)).not.toContain('SECRET-TOKEN-VALUE')
    } finally {
      stop()
    }
  })
})
