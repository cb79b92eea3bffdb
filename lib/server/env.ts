/**
 * The server's configuration, validated once with zod so a bad setting fails at start with a readable message.
 * Every variable and its default is listed in the README's Configuration table.
 */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { parseBackoff, parseRate } from './rate-limit/spec.ts'

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

// An origin only: the app is served at the root, and the value is joined with paths such as /join?code=….
const publicUrl = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined
    const message = 'must be the address people open Kubelab at, like https://kubelab.example.org (http or https, no path)'
    let url: URL
    try {
      url = new URL(value.trim())
    } catch {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.username ||
      url.password ||
      url.search ||
      url.hash ||
      url.pathname !== '/'
    ) {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return url.origin
  })

// A directory of courses (each a folder with course.yaml), relative to where Kubelab starts.
const contentDir = z
  .string()
  .default('content')
  .transform((value) => value.trim() || 'content')
  .refine((dir) => existsSync(resolve(dir)) && statSync(resolve(dir)).isDirectory(), {
    message: 'must be a directory of courses (default: content)',
  })

// On unless set to 0/false: a server applies pending migrations as it starts. Several instances behind a load
// balancer set KUBELAB_MIGRATE=0 and run `kubelab db migrate` once per deploy instead (ADR 0016).
const onUnlessOff = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v !== '0' && v !== 'false')
// A limit as `<count>/<window>` (e.g. 50/15m) or `off`; see lib/server/rate-limit/spec.ts and the README's Security section.
const rate = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseRate(value === undefined || value.trim() === '' ? fallback : value)
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed })
        return z.NEVER
      }
      return parsed
    })

const backoff = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseBackoff(value === undefined || value.trim() === '' ? fallback : value)
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed })
        return z.NEVER
      }
      return parsed
    })

const count = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a whole number from 1' })
    .int('must be a whole number from 1')
    .min(1, 'must be a whole number from 1')
    .max(10_000_000, 'must be at most 10,000,000')
    .default(fallback)

const redisUrl = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined))
  .refine((value) => value === undefined || /^rediss?:\/\/./.test(value), {
    message: 'must be a Redis URL like redis://127.0.0.1:6379 (or rediss:// for TLS)',
  })

const generateSecret = 'generate one with `openssl rand -base64 33`'

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Set by `next build` while it builds: no request is served then, so no secret is needed.
    NEXT_PHASE: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .default('file:./data/kubelab.db')
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
        message: 'must be a SQLite file URL (file:./data/kubelab.db) or a PostgreSQL URL (postgresql://user:pass@host:5432/db)',
      }),
    AUTH_SECRET: z.string().min(32, `must be at least 32 characters (${generateSecret})`).optional(),
    SEED_DEMO: booleanFlag,
    PUBLIC_URL: publicUrl,
    KUBELAB_CONTENT_DIR: contentDir,
    KUBELAB_MIGRATE: onUnlessOff,
    // Grading threads (ADR 0013). Node counts the host's CPUs, not a container's CPU limit: a pod limited to 2 CPUs
    // on a 32-core node would start 32 threads of up to 256 MiB each. Set it to the CPU limit in a container.
    KUBELAB_GRADING_THREADS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(64).optional()),
    // Abuse limits and storage quotas (ADR 0015). The client address is the socket's, or with TRUST_PROXY=1 the
    // first X-Forwarded-For entry (only behind a proxy that sets it: a client could otherwise choose its own).
    TRUST_PROXY: booleanFlag,
    REDIS_URL: redisUrl,
    RATE_LIMIT_SIGNIN_ACCOUNT: rate('5/24h'),
    RATE_LIMIT_SIGNIN_BACKOFF: backoff('30s-15m'),
    RATE_LIMIT_SIGNIN_ADDRESS: rate('50/15m'),
    RATE_LIMIT_SIGNUP_ADDRESS: rate('30/1h'),
    RATE_LIMIT_GRADE_USER: rate('60/5m'),
    RATE_LIMIT_GRADE_ADDRESS: rate('300/5m'),
    RATE_LIMIT_QUIZ_USER: rate('30/10m'),
    RATE_LIMIT_IMPORT_USER: rate('20/1h'),
    QUOTA_SUBMISSIONS_PER_HOUR: count(200),
    QUOTA_SUBMISSIONS_TOTAL: count(2000),
    QUOTA_SOURCES_PER_EXERCISE: count(10),
    // Observability (ADR 0017): JSON log lines at this level and above on stdout; /api/metrics behind this token.
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          message: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .default('info'),
    ),
    METRICS_TOKEN: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value.trim() : undefined))
      .refine((value) => value === undefined || /^[\x21-\x7e]{16,256}$/.test(value), {
        message: 'must be 16 to 256 visible ASCII characters (generate one with `openssl rand -hex 24`)',
      }),
  })
  // Sessions are signed with AUTH_SECRET: a production server without one would sign with nothing it keeps.
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === 'production' && !value.AUTH_SECRET && value.NEXT_PHASE !== 'phase-production-build') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: `is required when NODE_ENV=production; ${generateSecret} and set it in the environment`,
      })
    }
  })

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {}

/** The configuration, or an EnvError whose message has one line per problem: `VARIABLE: what is wrong`. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'))
  return result.data
}

export function databaseProvider(url: string): 'sqlite' | 'postgresql' {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql'
}

let cached: Env | undefined
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
