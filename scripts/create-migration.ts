/**
 * `npm run db:migration -- <name>`: writes the next migration for every provider from the change to
 * prisma/models.prisma since the last migration, then regenerates the clients. Works offline: the SQL comes
 * from Prisma 6.19's `migrate diff` running its WebAssembly schema engine through driver adapters (an
 * in-memory SQLite database, and PGlite — an embedded PostgreSQL — for PostgreSQL).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { prismaDir, providers, readModels, renderSchema, snapshotFile, migrationsDir, type Provider } from '../prisma/providers.ts'
import { generateClients, offlineEngineEnv } from './prisma-generate.ts'

const require = createRequire(import.meta.url)
const prisma6Cli = require.resolve('prisma6/build/index.js')
const workDir = `${prismaDir}generated/migration-work`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function withPglite<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
  const db = await PGlite.create()
  const port = await freePort()
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' })
  await server.start()
  try {
    return await fn(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`)
  } finally {
    await server.stop()
    await db.close()
  }
}

// Asynchronous on purpose: PGlite serves the differ from this process's event loop.
async function diff(provider: Provider, from: string | null, to: string, pgUrl: string): Promise<string> {
  const adapterConfig =
    provider === 'sqlite'
      ? `import { PrismaBetterSQLite3 } from 'prisma6-adapter-better-sqlite3'\nconst adapter = async () => new PrismaBetterSQLite3({ url: 'file::memory:' })`
      : `import { PrismaPg } from 'prisma6-adapter-pg'\nconst adapter = async () => new PrismaPg({ connectionString: ${JSON.stringify(pgUrl)} })`
  const url = provider === 'sqlite' ? 'file:unused.db' : 'postgresql://unused'
  const toFile = `${workDir}/${provider}.to.prisma`
  const fromFile = `${workDir}/${provider}.from.prisma`
  const configFile = `${workDir}/${provider}.config.mjs`
  writeFileSync(toFile, renderSchema(provider, to, { url }))
  if (from !== null) writeFileSync(fromFile, renderSchema(provider, from, { url }))
  writeFileSync(
    configFile,
    `${adapterConfig}\nexport default { engine: 'js', experimental: { adapter: true }, schema: ${JSON.stringify(toFile)}, adapter }\n`,
  )
  const fromArgs = from === null ? ['--from-empty'] : ['--from-schema-datamodel', fromFile]
  const env = { ...offlineEngineEnv(), PRISMA_QUERY_ENGINE_LIBRARY: `${workDir}/query-engine-unused.node` }
  writeFileSync(env.PRISMA_QUERY_ENGINE_LIBRARY!, '')
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [prisma6Cli, 'migrate', 'diff', '--config', configFile, ...fromArgs, '--to-schema-datamodel', toFile, '--script'],
    { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  )
  return stdout
}

function hasStatements(sql: string): boolean {
  return sql.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'))
}

async function main(): Promise<number> {
  const name = (process.argv[2] ?? '').trim()
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration -- <name>   (lowercase letters, digits and _ only, e.g. add_class_archive)')
    return 2
  }
  mkdirSync(workDir, { recursive: true })
  const models = readModels()
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const written: string[] = []
  await withPglite(async (pgUrl) => {
    for (const provider of providers) {
      const snapshot = existsSync(snapshotFile(provider)) ? readFileSync(snapshotFile(provider), 'utf8') : null
      const sql = await diff(provider, snapshot, models, pgUrl)
      if (!hasStatements(sql)) continue
      const dir = `${migrationsDir(provider)}/${stamp}_${name}`
      mkdirSync(dir, { recursive: true })
      writeFileSync(`${dir}/migration.sql`, sql)
      writeFileSync(snapshotFile(provider), models)
      written.push(dir.slice(prismaDir.length - 'prisma/'.length))
    }
  })
  if (written.length === 0) {
    console.log('kubelab: prisma/models.prisma has not changed since the last migration; nothing to write.')
    return 0
  }
  for (const dir of written) console.log(`kubelab: wrote ${dir}/migration.sql`)
  generateClients()
  console.log(
    `kubelab: migrations now: ${providers.map((p) => `${p} ${readdirSync(migrationsDir(p)).filter((d) => d !== 'migrated.prisma').length}`).join(', ')}`,
  )
  return 0
}

main().then((code) => (process.exitCode = code))
