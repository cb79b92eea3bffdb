/** GET /api/ready with the real database client and content: 503 naming the pending migrations, 200 once applied. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'kubelab-ready-'))
const url = `file:${join(dir, 'kubelab.db')}`
process.env.DATABASE_URL = url
const { GET } = await import('./route')
const { migrate, listMigrations } = await import('@/lib/server/db/migrate')
const { db } = await import('@/lib/server/db/client')

afterAll(async () => {
  await db().$disconnect()
  rmSync(dir, { recursive: true, force: true })
})

async function ready() {
  const response = await GET()
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as Record<string, unknown>,
  }
}

describe('GET /api/ready', () => {
  it('is 503 with the pending migrations before `db migrate`, 200 after, never cached', async () => {
    const names = listMigrations('sqlite').map((m) => m.name)
    const before = await ready()
    expect(before).toMatchObject({
      status: 503,
      cacheControl: 'no-store',
      body: { status: 'not ready', failed: ['migrations'], checks: { database: 'ok', content: 'ok' } },
    })
    expect((before.body.checks as Record<string, string>).migrations).toBe(
      `${names.length} pending: ${names.join(', ')} (run \`kubelab db migrate\`)`,
    )

    await migrate(url)
    expect(await ready()).toEqual({
      status: 200,
      cacheControl: 'no-store',
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', content: 'ok' } },
    })
  })

  it('is 503 naming content when the content folder has no course', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kubelab-ready-content-'))
    const saved = process.env.KUBELAB_CONTENT_DIR
    process.env.KUBELAB_CONTENT_DIR = empty
    try {
      expect(await ready()).toMatchObject({ status: 503, body: { failed: ['content'], checks: { content: 'no lessons found' } } })
    } finally {
      if (saved === undefined) delete process.env.KUBELAB_CONTENT_DIR
      else process.env.KUBELAB_CONTENT_DIR = saved
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
