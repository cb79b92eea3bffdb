/** What a server start does before serving: migrate unless KUBELAB_MIGRATE=0, never during `next build`, stop on failure. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { parseEnv } from './env.ts'
import { migrateAtStartOrExit } from './startup-check.ts'
import { migrationStatus } from './db/migration-status.ts'

const dir = mkdtempSync(join(tmpdir(), 'kubelab-startup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

describe('migrateAtStartOrExit', () => {
  it('applies pending migrations by default', async () => {
    const url = `file:${join(dir, 'default.db')}`
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    await migrateAtStartOrExit(parseEnv({ DATABASE_URL: url }))
    expect((await migrationStatus(url)).pending).toEqual([])
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^kubelab: applied \d+ migration\(s\): /))
  })

  it('leaves the database alone with KUBELAB_MIGRATE=0, and while `next build` prerenders', async () => {
    const off = join(dir, 'off.db')
    await migrateAtStartOrExit(parseEnv({ DATABASE_URL: `file:${off}`, KUBELAB_MIGRATE: '0' }))
    await migrateAtStartOrExit(parseEnv({ DATABASE_URL: `file:${off}`, NEXT_PHASE: 'phase-production-build' }))
    expect(existsSync(off)).toBe(false)
  })

  it('stops the start with exit 1 and a readable line when the migrations cannot be applied', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`)
    }) as never)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(migrateAtStartOrExit(parseEnv({ DATABASE_URL: 'postgresql://kubelab:pw@127.0.0.1:1/kubelab' }))).rejects.toThrow('exit 1')
    expect(exit).toHaveBeenCalledWith(1)
    expect(error.mock.calls[0]?.[0]).toMatch(/^kubelab: could not apply the migrations: .*ECONNREFUSED/)
  })
})
