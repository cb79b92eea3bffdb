/**
 * `npm start`: checks the configuration, builds when the sources changed since the last build, applies
 * migrations, seeds the demo accounts on the embedded database, prints them, and serves Kubelab on PORT.
 * `npm run dev` does the same with the development server instead of a build.
 */
import { spawn } from 'node:child_process'
import { buildIfNeeded, nextBin } from './build-if-needed.ts'
import { EnvError, parseEnv } from '../lib/server/env.ts'
import { ensureAuthSecret } from '../lib/server/auth/secret.ts'
import { migrate } from '../lib/server/db/migrate.ts'
import { createDal } from '../lib/server/dal/index.ts'
import { createDb } from '../lib/server/db/client.ts'
import { demoAccounts, demoPassword, seedDemo, shouldSeedDemo } from '../prisma/seed.ts'

const dev = process.argv.includes('--dev')
async function main(): Promise<void> {
  const userEnvironment = { ...process.env }
  let env
  try {
    env = parseEnv(userEnvironment)
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`kubelab: ${error.message}`)
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
  const childEnv: NodeJS.ProcessEnv = { ...userEnvironment, AUTH_SECRET: authSecret, DATABASE_URL: env.DATABASE_URL, PORT: String(env.PORT), NEXT_TELEMETRY_DISABLED: '1' }

  const applied = await migrate(env.DATABASE_URL)
  if (applied.length > 0) console.log(`kubelab: applied ${applied.length} migration(s): ${applied.join(', ')}`)
  if (shouldSeedDemo(userEnvironment)) {
    const db = createDb(env.DATABASE_URL)
    await seedDemo(createDal(db))
    await db.$disconnect()
    const where: Record<string, string> = { teacher: ', Classes at /teach', author: ', Studio at /studio' }
    console.log(`kubelab: demo accounts (password "${demoPassword}"): ${demoAccounts.map((a) => `${a.email} (${a.role}${where[a.role] ?? ''})`).join(', ')}`)
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

main().catch((error) => {
  console.error(`kubelab: could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
