/**
 * The configuration check every server start runs (instrumentation.ts), also `next start` run directly
 * without scripts/start.ts: a bad setting stops the server with one readable line per problem instead of
 * failing on requests later (production without AUTH_SECRET would fail every session).
 */
import { EnvError, parseEnv } from './env.ts'

export function checkConfigurationOrExit(): void {
  try {
    parseEnv()
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    for (const line of error.message.split('\n')) console.error(`kubelab: ${line}`)
    process.exit(1)
  }
}
