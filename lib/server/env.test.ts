import { describe, expect, it } from 'vitest'
import { databaseProvider, EnvError, parseEnv } from './env.ts'

describe('environment', () => {
  it('defaults to SQLite on port 3000', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/kubelab.db', NODE_ENV: 'development', SEED_DEMO: false })
  })

  it('accepts PostgreSQL URLs and tells the providers apart', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/kubelab' })
    expect(databaseProvider(env.DATABASE_URL)).toBe('postgresql')
    expect(databaseProvider('file:./x.db')).toBe('sqlite')
  })

  it('fails with one readable line per bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short' })).toThrow(EnvError)
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('PORT:')
      expect(message).toContain('DATABASE_URL: must be a SQLite file URL')
      expect(message).toContain('AUTH_SECRET: must be at least 32 characters')
    }
  })

  it('reads PUBLIC_URL as an origin, and refuses one with a path or another scheme', () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined()
    expect(parseEnv({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined()
    expect(parseEnv({ PUBLIC_URL: 'https://Kubelab.Example.org/' }).PUBLIC_URL).toBe('https://kubelab.example.org')
    expect(parseEnv({ PUBLIC_URL: 'http://10.0.0.5:8080' }).PUBLIC_URL).toBe('http://10.0.0.5:8080')
    for (const bad of ['kubelab.example.org', 'https://kubelab.example.org/app', 'ftp://kubelab.example.org', 'https://u:p@kubelab.example.org', 'https://x.org/?a=1']) {
      expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL: must be the address people open Kubelab at/)
    }
  })
})
