import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password.ts'
import { ensureAuthSecret } from './secret.ts'

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('kubelab-demo')
    const b = await hashPassword('kubelab-demo')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('kubelab-demo', a)).toBe(true)
    expect(await verifyPassword('kubelab-demo ', a)).toBe(false)
    expect(await verifyPassword('kubelab-demo', 'garbage')).toBe(false)
  })
})

describe('AUTH_SECRET', () => {
  it('is generated once and kept locally when absent outside production', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-secret-'))
    const first = ensureAuthSecret({}, dir)
    expect(first.length).toBeGreaterThanOrEqual(40)
    expect(ensureAuthSecret({}, dir)).toBe(first)
    expect(readFileSync(join(dir, 'auth-secret'), 'utf8').trim()).toBe(first)
    expect(ensureAuthSecret({ AUTH_SECRET: 'given-secret' }, dir)).toBe('given-secret')
  })

  it('is required in production', () => {
    expect(() => ensureAuthSecret({ NODE_ENV: 'production' }, mkdtempSync(join(tmpdir(), 'kubelab-secret-')))).toThrow(
      /AUTH_SECRET is required in production/,
    )
  })
})
