/**
 * Readiness (ADR 0016): may this instance take traffic? Three checks, each cheap — one query and a cached read:
 *  - database: reachable, within a few seconds;
 *  - migrations: every committed migration applied (a server must not serve a schema it does not expect; with
 *    KUBELAB_MIGRATE=0 the deploy's migration job applies them). Migrations the database has but this version
 *    does not know do not count: during a rolling update the old instances keep serving after the new version
 *    migrated, which is why migrations must stay compatible with the version before;
 *  - content: the courses load (content/ shipped and valid).
 * Liveness is /api/health. The answer names what failed and never carries connection details (no auth here).
 */
import { isMissingLedger } from '@/lib/server/db/migration-status'

export type CheckName = 'database' | 'migrations' | 'content'

export interface ReadinessSources {
  /** the migration names the database recorded; throws when it cannot be reached */
  recordedMigrations: () => Promise<string[]>
  /** the migrations this version ships */
  knownMigrations: () => string[]
  /** loads the courses; the number of lessons, or throws */
  lessons: () => number
}

export interface Readiness {
  ready: boolean
  failed: CheckName[]
  checks: Record<CheckName, string>
}

export const DATABASE_TIMEOUT_MS = 3000

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export async function checkReadiness(
  sources: ReadinessSources,
  options: { timeoutMs?: number; log?: (line: string) => void } = {},
): Promise<Readiness> {
  const log = options.log ?? (() => {})
  const checks: Record<CheckName, string> = { database: 'ok', migrations: 'ok', content: 'ok' }
  const failed: CheckName[] = []

  let recorded: string[] | null = null
  try {
    recorded = await withTimeout(
      sources.recordedMigrations().catch((error: unknown) => {
        if (isMissingLedger(error)) return [] // reachable; nothing migrated yet
        throw error
      }),
      options.timeoutMs ?? DATABASE_TIMEOUT_MS,
    )
  } catch (error) {
    log(`database: ${error instanceof Error ? error.message : String(error)}`)
    checks.database = 'unreachable'
    checks.migrations = 'not checked: the database is unreachable'
    failed.push('database')
  }

  if (recorded !== null) {
    try {
      const done = new Set(recorded)
      const pending = sources.knownMigrations().filter((name) => !done.has(name))
      if (pending.length > 0) {
        checks.migrations = `${pending.length} pending: ${pending.join(', ')} (run \`kubelab db migrate\`)`
        failed.push('migrations')
      }
    } catch (error) {
      log(`migrations: ${error instanceof Error ? error.message : String(error)}`)
      checks.migrations = 'the migrations this version ships cannot be read'
      failed.push('migrations')
    }
  }

  try {
    const lessons = sources.lessons()
    if (lessons === 0) {
      checks.content = 'no lessons found'
      failed.push('content')
    }
  } catch (error) {
    log(`content: ${error instanceof Error ? error.message : String(error)}`)
    checks.content = 'the courses do not load (see the server log)'
    failed.push('content')
  }

  return { ready: failed.length === 0, failed, checks }
}
