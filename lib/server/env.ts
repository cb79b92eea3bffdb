/**
 * The server's configuration, validated once with zod so a bad setting fails at start with a readable message.
 * Every variable and its default is listed in the README's Configuration table.
 */
import { z } from 'zod'

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
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    return url.origin
  })

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default('file:./data/kubelab.db')
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: 'must be a SQLite file URL (file:./data/kubelab.db) or a PostgreSQL URL (postgresql://user:pass@host:5432/db)',
    }),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (generate one with `openssl rand -base64 33`)').optional(),
  SEED_DEMO: booleanFlag,
  PUBLIC_URL: publicUrl,
})

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
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
