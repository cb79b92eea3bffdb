/**
 * AUTH_SECRET signs session cookies. When it is absent outside production, one is generated once and kept in
 * data/auth-secret so sessions survive restarts; production must set it explicitly.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export function ensureAuthSecret(environment: Record<string, string | undefined> = process.env, dataDir = resolve('data')): string {
  const given = environment.AUTH_SECRET
  if (given) return given
  if (environment.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is required in production. Generate one with `openssl rand -base64 33` and set it in the environment.')
  }
  const file = `${dataDir}/auth-secret`
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(33).toString('base64')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
