import { describe, expect, it, vi } from 'vitest'

// A database that cannot be reached: liveness must not notice.
vi.mock('@/lib/server/dal', () => ({
  dal: () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
  },
}))

describe('GET /api/health (liveness)', () => {
  it('answers 200 without asking the database, never cached', async () => {
    const { GET } = await import('./route')
    const response = GET()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})
