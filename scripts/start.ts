/**
 * `npm start`: checks the configuration, builds when the sources changed since the last build, applies
 * migrations, creates the demo accounts on a newcomer's first start (never in production unless SEED_DEMO=1;
 * see shouldSeedDemo), says which demo accounts exist and how to remove them, and serves Kubelab on PORT.
 * `npm run dev` does the same with the development server instead of a build.
 */
import { spawn } from 'node:child_process'
import { buildIfNeeded, nextBin } from './build-if-needed.ts'
import { databaseProvider, EnvError, parseEnv } from '../lib/server/env.ts'
import { ensureAuthSecret } from '../lib/server/auth/secret.ts'
import { listMigrations, migrate } from '../lib/server/db/migrate.ts'
import { migrationStatus } from '../lib/server/db/migration-status.ts'
import { createDal, type Dal } from '../lib/server/dal/index.ts'
import { createDb } from '../lib/server/db/client.ts'
import { demoAccounts, demoPassword, removeDemoCommand, seedDemo, shouldSeedDemo } from '../prisma/seed.ts'

const dev = process.argv.includes('--dev')
async function main(): Promise<void> {
  const userEnvironment = { ...process.env }
  let env
  try {
    env = parseEnv(userEnvironment)
  } catch (error) {
    if (error instanceof EnvError) {
      for (const line of error.message.split('\n')) console.error(`kubelab: ${line}`)
      process.exit(1)
    }
    throw error
  }
  let authSecret: string
  try {
    authSecret = ensureAuthSecret(userEnvironment)
  } catch (error) {
    console.error(`kubelab: ${(error as Error).message}`)
    process.exit(1)
  }
  // This script migrates (unless KUBELAB_MIGRATE=0); the server it starts need not check again (instrumentation.ts).
  const childEnv: NodeJS.ProcessEnv = {
    ...userEnvironment,
    AUTH_SECRET: authSecret,
    DATABASE_URL: env.DATABASE_URL,
    PORT: String(env.PORT),
    NEXT_TELEMETRY_DISABLED: '1',
    KUBELAB_MIGRATE: '0',
  }

  const applied = env.KUBELAB_MIGRATE ? await migrate(env.DATABASE_URL) : []
  if (applied.length > 0) console.log(`kubelab: applied ${applied.length} migration(s): ${applied.join(', ')}`)
  const pending = env.KUBELAB_MIGRATE ? [] : (await migrationStatus(env.DATABASE_URL)).pending
  if (pending.length > 0)
    console.log(
      `kubelab: KUBELAB_MIGRATE=0 and ${pending.length} migration(s) pending: /api/ready answers 503 until \`kubelab db migrate\` applies them`,
    )
  const isNew = applied.length > 0 && applied.length === listMigrations(databaseProvider(env.DATABASE_URL)).length
  const db = createDb(env.DATABASE_URL)
  // Demo accounts need the tables; with migrations pending there is nothing to seed or check yet.
  if (pending.length === 0)
    try {
      const dal = createDal(db)
      if (shouldSeedDemo(userEnvironment, { isNew })) await seedDemo(dal, db)
      const present = await demoAccountsWithPublicPassword(dal)
      if (present.length > 0 && env.NODE_ENV === 'production' && !env.SEED_DEMO) {
        // Created by an earlier start that was not production: anyone who read the README could sign in.
        console.error(
          `kubelab: this database has the demo accounts with their public password (${present.map((a) => a.email).join(', ')}).`,
        )
        console.error(`kubelab: remove them with \`${removeDemoCommand}\`, or set SEED_DEMO=1 to keep them on purpose.`)
        process.exit(1)
      }
      if (present.length > 0) {
        const where: Record<string, string> = { teacher: ', Classes at /teach', author: ', Studio at /studio' }
        console.log(
          `kubelab: demo accounts (password "${demoPassword}"): ${present.map((a) => `${a.email} (${a.role}${where[a.role] ?? ''})`).join(', ')}`,
        )
        console.log(`kubelab: anyone who knows that password can sign in as them; remove them with \`${removeDemoCommand}\``)
      }
    } finally {
      await db.$disconnect()
    }

  if (!dev) buildIfNeeded(childEnv)
  console.log(`kubelab: serving on http://localhost:${env.PORT} (${env.DATABASE_URL.startsWith('file:') ? 'SQLite' : 'PostgreSQL'})`)
  const server = spawn(nextBin, [dev ? 'dev' : 'start', '-p', String(env.PORT)], {
    stdio: 'inherit',
    env: { ...childEnv, NODE_ENV: dev ? 'development' : 'production' },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
}

/** The demo accounts that exist and still have the password the README gives. */
async function demoAccountsWithPublicPassword(dal: Dal): Promise<typeof demoAccounts> {
  const present: typeof demoAccounts = []
  for (const account of demoAccounts) if (await dal.users.authenticate(account.email, demoPassword)) present.push(account)
  return present
}

main().catch((error) => {
  console.error(`kubelab: could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
