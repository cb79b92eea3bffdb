/** The database providers Kubelab supports, and how each per-provider Prisma schema is rendered from models.prisma. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const providers = ['sqlite', 'postgresql'] as const
export type Provider = (typeof providers)[number]

export const prismaDir = fileURLToPath(new URL('./', import.meta.url))
export const modelsFile = `${prismaDir}models.prisma`

export function readModels(): string {
  return readFileSync(modelsFile, 'utf8')
}

/** The header every rendered schema starts with; `url` is only for the Prisma 6 migration differ, which needs one. */
export function renderSchema(provider: Provider, models: string, options: { url?: string } = {}): string {
  const url = options.url ? `\n  url      = "${options.url}"` : ''
  return `// GENERATED from prisma/models.prisma by prisma/providers.ts — do not edit.
datasource db {
  provider = "${provider}"${url}
}

generator client {
  provider = "prisma-client"
  output   = "../../lib/server/db/generated/${provider}"
}

${models}`
}

export function migrationsDir(provider: Provider): string {
  return `${prismaDir}migrations/${provider}`
}

/** The models as they stand after the last committed migration; the next migration is the diff from it. */
export function snapshotFile(provider: Provider): string {
  return `${migrationsDir(provider)}/migrated.prisma`
}
