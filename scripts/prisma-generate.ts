/**
 * Renders one Prisma schema per provider from prisma/models.prisma and generates a Prisma client for each
 * into lib/server/db/generated/<provider>. Runs on `npm install` (postinstall) and downloads nothing.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { prismaDir, providers, readModels, renderSchema } from '../prisma/providers.ts'

const require = createRequire(import.meta.url)
const prismaCli = require.resolve('prisma/build/index.js')

// Prisma's CLI looks for a native schema engine it cannot download here. `generate` does not need it; a stub
// that fails loudly keeps any command that does need it from hanging or silently doing nothing.
export function offlineEngineEnv(): NodeJS.ProcessEnv {
  const stub = `${prismaDir}generated/schema-engine-unavailable.sh`
  mkdirSync(`${prismaDir}generated`, { recursive: true })
  writeFileSync(
    stub,
    '#!/bin/sh\necho "kubelab: the native Prisma schema engine is not used; see docs/decisions/0002-database-and-migrations.md" >&2\nexit 1\n',
  )
  chmodSync(stub, 0o755)
  return { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' }
}

export function generateClients(): void {
  const env = offlineEngineEnv()
  const models = readModels()
  for (const provider of providers) {
    const schema = `${prismaDir}generated/${provider}.prisma`
    writeFileSync(schema, renderSchema(provider, models))
    execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  console.log(`kubelab: generated Prisma clients for ${providers.join(' and ')}`)
}

if (import.meta.url === `file://${process.argv[1]}`) generateClients()
