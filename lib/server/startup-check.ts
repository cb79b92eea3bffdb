/**
 * What every server start runs before it serves (instrumentation.ts), also `next start` or a standalone
 * `node server.js` run without scripts/start.ts:
 *  - the configuration check: a bad setting stops the server with one readable line per problem instead of
 *    failing on requests later (production without AUTH_SECRET would fail every session);
 *  - the migrations, unless KUBELAB_MIGRATE=0: one server (or `npm start`, which migrates itself and passes
 *    KUBELAB_MIGRATE=0 on) applies what is missing; several servers behind a load balancer set KUBELAB_MIGRATE=0
 *    and run `kubelab db migrate` once per deploy, and /api/ready keeps them out of traffic until it ran (ADR 0016).
 */
import { EnvError, parseEnv, type Env } from './env.ts'

export function checkConfigurationOrExit(): Env {
  try {
    return parseEnv()
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    for (const line of error.message.split('\n')) console.error(`kubelab: ${line}`)
    process.exit(1)
  }
}

/** Applies pending migrations unless KUBELAB_MIGRATE=0; a failure stops the start (exit 1) with one line. */
export async function migrateAtStartOrExit(env: Env): Promise<void> {
  // `next build` loads the server to prerender: nothing to serve, and a build must not touch a database.
  if (!env.KUBELAB_MIGRATE || env.NEXT_PHASE === 'phase-production-build') return
  // Loaded here so a server that does not migrate never opens the drivers for it.
  const { migrate } = await import('./db/migrate.ts')
  try {
    const applied = await migrate(env.DATABASE_URL)
    if (applied.length > 0) console.log(`kubelab: applied ${applied.length} migration(s): ${applied.join(', ')}`)
  } catch (error) {
    console.error(`kubelab: could not apply the migrations: ${error instanceof Error ? error.message : String(error)}`)
    console.error('kubelab: fix the database (or set KUBELAB_MIGRATE=0 and run `kubelab db migrate` yourself), then start again')
    process.exit(1)
  }
}
