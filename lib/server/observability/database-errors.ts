/**
 * A database operation that failed: counted (`kubelab_database_errors_total`) and logged (`db.error`) by the Prisma
 * client's query extension (lib/server/db/client.ts), whatever the caller does with the error afterwards.
 */
import { log } from './log.ts'
import { metrics } from './metrics.ts'

/** A bounded label for an error: Prisma's code (P2002, …), else the error's class name. */
export function databaseErrorCode(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | null
  if (e && typeof e.code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(e.code)) return e.code
  if (e && typeof e.name === 'string' && /^[A-Za-z]{1,60}$/.test(e.name)) return e.name
  return 'unknown'
}

export function recordDatabaseError(model: string | undefined, operation: string, error: unknown): void {
  const code = databaseErrorCode(error)
  metrics().databaseErrors.inc({ model: model ?? '(raw)', operation, code })
  // Prisma's message starts with the call and its arguments (they may hold a password hash): only its last line,
  // what went wrong; a validation error's last line may quote an argument too, so its name is enough
  const message =
    error instanceof Error && error.name !== 'PrismaClientValidationError'
      ? (error.message.trim().split('\n').at(-1) ?? '').slice(0, 300)
      : undefined
  log().warn({ event: 'db.error', model: model ?? null, operation, code, message }, `database ${model ?? ''}.${operation} failed: ${code}`)
}
