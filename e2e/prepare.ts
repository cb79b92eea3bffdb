/**
 * Before the Playwright suite: a production build (built only when sources changed) and a fresh SQLite database,
 * migrated and seeded with the demo accounts. Run by `npm run test:e2e`.
 */
import { rmSync } from 'node:fs'
import { buildIfNeeded } from '../scripts/build-if-needed.ts'
import { migrate } from '../lib/server/db/migrate.ts'
import { createDb } from '../lib/server/db/client.ts'
import { createDal } from '../lib/server/dal/index.ts'
import { seedDemo } from '../prisma/seed.ts'
import { e2eDatabaseUrl } from './config.ts'

for (const suffix of ['', '-wal', '-shm']) rmSync(`data/e2e.db${suffix}`, { force: true })
await migrate(e2eDatabaseUrl)
const db = createDb(e2eDatabaseUrl)
await seedDemo(createDal(db), db)
await db.$disconnect()
buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' })
