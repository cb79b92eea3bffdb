import { expect, test } from '@playwright/test'

// A production server (next start, which migrated in instrumentation.ts) answers readiness for a load balancer.
test('/api/ready says the server is ready, without auth, uncached, beside /api/health', async ({ request }) => {
  const ready = await request.get('/api/ready')
  expect(ready.status()).toBe(200)
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', content: 'ok' } })
  expect(ready.headers()['cache-control']).toBe('no-store')
  expect(ready.headers()['content-security-policy']).toContain("default-src 'none'")
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
})
