import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseProvider, EnvError, parseEnv } from './env.ts'

const secret = 'x'.repeat(32)

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
      expect.unreachable()
    } catch (error) {
      const lines = (error as Error).message.split('\n')
      expect(lines).toHaveLength(3)
      expect(lines[0]).toMatch(/^PORT: /)
      expect(lines).toContain(
        'DATABASE_URL: must be a SQLite file URL (file:./data/kubelab.db) or a PostgreSQL URL (postgresql://user:pass@host:5432/db)',
      )
      expect(lines.find((l) => l.startsWith('AUTH_SECRET:'))).toContain('must be at least 32 characters')
    }
  })

  describe('AUTH_SECRET', () => {
    it('is required in production, in one line that says how to make one', () => {
      expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
        /^AUTH_SECRET: is required when NODE_ENV=production; generate one with `openssl rand -base64 33`/,
      )
      expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: '' })).toThrow(/AUTH_SECRET: /)
      expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret)
    })

    it('must be at least 32 characters wherever it is given', () => {
      expect(() => parseEnv({ AUTH_SECRET: 'x'.repeat(31) })).toThrow(/AUTH_SECRET: must be at least 32 characters/)
      expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(31) })).toThrow(/AUTH_SECRET: must be at least 32 characters/)
    })

    it('is optional outside production (npm start keeps a generated one in data/) and while next build runs', () => {
      expect(parseEnv({}).AUTH_SECRET).toBeUndefined()
      expect(parseEnv({ NODE_ENV: 'test' }).AUTH_SECRET).toBeUndefined()
      expect(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).AUTH_SECRET).toBeUndefined()
      expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-server' })).toThrow(/AUTH_SECRET/)
    })

    it('is reported with the other problems, not instead of them', () => {
      expect(() => parseEnv({ NODE_ENV: 'production', PORT: '0' })).toThrow(/^PORT: .*\nAUTH_SECRET: is required/)
    })
  })

  describe('KUBELAB_CONTENT_DIR', () => {
    it('defaults to content/ of the checkout', () => {
      expect(parseEnv({}).KUBELAB_CONTENT_DIR).toBe('content')
      expect(parseEnv({ KUBELAB_CONTENT_DIR: '  ' }).KUBELAB_CONTENT_DIR).toBe('content')
    })

    it('takes another directory, and refuses one that does not exist or is a file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'kubelab-content-'))
      expect(parseEnv({ KUBELAB_CONTENT_DIR: dir }).KUBELAB_CONTENT_DIR).toBe(dir)
      expect(() => parseEnv({ KUBELAB_CONTENT_DIR: join(dir, 'missing') })).toThrow(/^KUBELAB_CONTENT_DIR: must be a directory of courses/)
      writeFileSync(join(dir, 'file.txt'), 'x')
      expect(() => parseEnv({ KUBELAB_CONTENT_DIR: join(dir, 'file.txt') })).toThrow(/KUBELAB_CONTENT_DIR: must be a directory/)
    })
  })

  it('reads PUBLIC_URL as an origin, and refuses one with a path or another scheme', () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined()
    expect(parseEnv({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined()
    expect(parseEnv({ PUBLIC_URL: 'https://Kubelab.Example.org/' }).PUBLIC_URL).toBe('https://kubelab.example.org')
    expect(parseEnv({ PUBLIC_URL: 'http://10.0.0.5:8080' }).PUBLIC_URL).toBe('http://10.0.0.5:8080')
    for (const bad of [
      'kubelab.example.org',
      'https://kubelab.example.org/app',
      'ftp://kubelab.example.org',
      'https://u:p@kubelab.example.org',
      'https://x.org/?a=1',
    ]) {
      expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL: must be the address people open Kubelab at/)
    }
  })

  it('migrates at start unless KUBELAB_MIGRATE is 0 or false, and refuses other values', () => {
    expect(parseEnv({}).KUBELAB_MIGRATE).toBe(true)
    for (const on of ['1', 'true', '']) expect(parseEnv({ KUBELAB_MIGRATE: on }).KUBELAB_MIGRATE, on).toBe(true)
    for (const off of ['0', 'false']) expect(parseEnv({ KUBELAB_MIGRATE: off }).KUBELAB_MIGRATE, off).toBe(false)
    expect(() => parseEnv({ KUBELAB_MIGRATE: 'no' })).toThrow(/^KUBELAB_MIGRATE: /)
  })

  it('takes a number of grading threads between 1 and 64, or leaves it to the CPU count', () => {
    expect(parseEnv({}).KUBELAB_GRADING_THREADS).toBeUndefined()
    expect(parseEnv({ KUBELAB_GRADING_THREADS: '' }).KUBELAB_GRADING_THREADS).toBeUndefined()
    expect(parseEnv({ KUBELAB_GRADING_THREADS: '2' }).KUBELAB_GRADING_THREADS).toBe(2)
    for (const bad of ['0', '1.5', 'two', '65'])
      expect(() => parseEnv({ KUBELAB_GRADING_THREADS: bad }), bad).toThrow(/^KUBELAB_GRADING_THREADS: /)
  })

  it('logs at info unless LOG_LEVEL says otherwise, and refuses a level pino does not have', () => {
    expect(parseEnv({}).LOG_LEVEL).toBe('info')
    expect(parseEnv({ LOG_LEVEL: '' }).LOG_LEVEL).toBe('info')
    expect(parseEnv({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug')
    expect(() => parseEnv({ LOG_LEVEL: 'verbose' })).toThrow(/^LOG_LEVEL: must be one of/)
  })

  it('leaves /api/metrics open without METRICS_TOKEN, and takes only a long visible token', () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined()
    expect(parseEnv({ METRICS_TOKEN: '  ' }).METRICS_TOKEN).toBeUndefined()
    expect(parseEnv({ METRICS_TOKEN: 'a'.repeat(16) }).METRICS_TOKEN).toBe('a'.repeat(16))
    for (const bad of ['short', 'has a space inside it', 'é'.repeat(20)])
      expect(() => parseEnv({ METRICS_TOKEN: bad }), bad).toThrow(/^METRICS_TOKEN: must be 16 to 256/)
  })

  it('reads the abuse limits with their defaults, and says which one is malformed', () => {
    const env = parseEnv({})
    expect(env.REDIS_URL).toBeUndefined()
    expect(env).toMatchObject({
      TRUST_PROXY: false,
      RATE_LIMIT_SIGNIN_ACCOUNT: { points: 5, seconds: 86400 },
      RATE_LIMIT_SIGNIN_BACKOFF: { firstSeconds: 30, maxSeconds: 900 },
      RATE_LIMIT_SIGNUP_ADDRESS: { points: 30, seconds: 3600 },
      QUOTA_SUBMISSIONS_PER_HOUR: 200,
    })
    expect(parseEnv({ RATE_LIMIT_GRADE_USER: 'off', TRUST_PROXY: '1', REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({
      RATE_LIMIT_GRADE_USER: null,
      TRUST_PROXY: true,
      REDIS_URL: 'redis://127.0.0.1:6379',
    })
    expect(() => parseEnv({ RATE_LIMIT_SIGNUP_ADDRESS: '30 per hour', REDIS_URL: 'localhost:6379', QUOTA_SUBMISSIONS_TOTAL: '0' })).toThrow(
      EnvError,
    )
    try {
      parseEnv({ RATE_LIMIT_SIGNUP_ADDRESS: '30 per hour', REDIS_URL: 'localhost:6379', QUOTA_SUBMISSIONS_TOTAL: '0' })
    } catch (error) {
      expect((error as Error).message.split('\n').sort()).toEqual([
        'QUOTA_SUBMISSIONS_TOTAL: must be a whole number from 1',
        'RATE_LIMIT_SIGNUP_ADDRESS: must be <count>/<window> like 50/15m (units s, m, h, d; at most 30d), or off',
        'REDIS_URL: must be a Redis URL like redis://127.0.0.1:6379 (or rediss:// for TLS)',
      ])
    }
  })
})
