/**
 * Opening the configured database for the commands that change accounts (`user`, `demo`): the same
 * DATABASE_URL as the server, migrated first, so `kubelab user add` works on a fresh install before the
 * first `npm start`.
 */
import type { CliIO } from './io.ts'
import { EnvError, parseEnv, type Env } from '../server/env.ts'
import { createDb, type Db } from '../server/db/client.ts'
import { migrate } from '../server/db/migrate.ts'

export async function withDatabase(io: CliIO, command: string, use: (db: Db, env: Env) => Promise<number>): Promise<number> {
  let env: Env
  try {
    env = parseEnv(io.env ?? process.env)
  } catch (error) {
    if (error instanceof EnvError) {
      io.stderr(`kubelab ${command}: ${error.message}\n`)
      return 2
    }
    throw error
  }
  let db: Db
  try {
    const applied = await migrate(env.DATABASE_URL)
    if (applied.length > 0) io.stderr(`kubelab: applied ${applied.length} migration(s): ${applied.join(', ')}\n`)
    db = createDb(env.DATABASE_URL)
  } catch (error) {
    io.stderr(`kubelab ${command}: cannot open the database (${describe(env.DATABASE_URL)}): ${(error as Error).message}\n`)
    return 2
  }
  try {
    return await use(db, env)
  } finally {
    await db.$disconnect()
  }
}

/** The database's address without a password, for messages. */
function describe(url: string): string {
  try {
    if (url.startsWith('file:')) return url
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'DATABASE_URL'
  }
}
