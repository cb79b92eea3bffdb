/** GET /api/ready — readiness for a load balancer or Kubernetes (readiness.ts); /api/health is liveness. */
import { NextResponse } from 'next/server'
import { loadCourses } from '@/lib/content/load'
import { db } from '@/lib/server/db/client'
import { listMigrations } from '@/lib/server/db/migrate'
import { recordedMigrationsOf } from '@/lib/server/db/migration-status'
import { databaseProvider, env } from '@/lib/server/env'
import { checkReadiness } from './readiness'
import { log } from '@/lib/server/observability/log'

export const dynamic = 'force-dynamic'

// The migrations on disk do not change while a server runs: read them once.
let known: string[] | undefined
// What was last logged, so a probe every few seconds logs a change of state, not every answer.
let lastLogged = ''

export async function GET() {
  const details: string[] = []
  const result = await checkReadiness(
    {
      // Infrastructure, not anyone's data: no viewer and no permission to check, so not through the DAL.
      recordedMigrations: () => recordedMigrationsOf(db()),
      knownMigrations: () => (known ??= listMigrations(databaseProvider(env().DATABASE_URL)).map((m) => m.name)),
      lessons: () => loadCourses().reduce((n, course) => n + course.lessons.length, 0),
    },
    { log: (line) => details.push(line) },
  )
  const state = JSON.stringify(result.checks)
  if (state !== lastLogged) {
    if (!result.ready)
      log().error(
        { event: 'ready.failed', failed: result.failed, checks: result.checks, details },
        `not ready (${result.failed.join(', ')})`,
      )
    else if (lastLogged) log().info({ event: 'ready.ok' }, 'ready')
    lastLogged = state
  }
  return NextResponse.json(
    result.ready ? { status: 'ready', checks: result.checks } : { status: 'not ready', failed: result.failed, checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
