/** Runs once when a Next.js server starts, before it serves anything (also `next start` or a standalone server.js). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { checkConfigurationOrExit, migrateAtStartOrExit } = await import('./lib/server/startup-check')
  const env = checkConfigurationOrExit()
  // every request carries its socket's address for the abuse limits (ADR 0015)
  ;(await import('./lib/server/rate-limit/client-address')).installClientAddressStamp()
  // every request gets an id, a log line and its metrics (ADR 0017)
  ;(await import('./lib/server/observability/install')).installObservability(env)
  // prerendered pages go out as compressed at build time, before Next.js handles them (ADR 0018); `next dev` renders
  // every page per request, so a production build's documents left in .next must not answer for it
  if (process.env.NODE_ENV === 'production') (await import('./lib/server/http/static-page-server')).installStaticPageServer()
  await migrateAtStartOrExit(env)
  // the limits' store now, not on the first request: with REDIS_URL the connection is made before anything is
  // counted, so a new instance's first requests count in Redis with the others', not in its own memory (ADR 0015)
  ;(await import('./lib/server/rate-limit')).limits()
  // the grading threads now, warmed with the reference solutions while nobody waits for a grade (in the background:
  // the server answers meanwhile; lib/server/grading-pool/warm-up.ts)
  if (process.env.NODE_ENV === 'production') void (await import('./lib/server/grading-pool')).warmGradingPool()
}

/** An error thrown while rendering a page or running a route handler or server action: one `http.error` log line. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath?: string; routeType?: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  ;(await import('./lib/server/observability/install')).logRequestError(error, request, context)
}
