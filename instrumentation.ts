/** Runs once when a Next.js server starts, before it serves anything (also `next start` or a standalone server.js). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { checkConfigurationOrExit, migrateAtStartOrExit } = await import('./lib/server/startup-check')
  const env = checkConfigurationOrExit()
  // every request carries its socket's address for the abuse limits (ADR 0015)
  ;(await import('./lib/server/rate-limit/client-address')).installClientAddressStamp()
  await migrateAtStartOrExit(env)
}
