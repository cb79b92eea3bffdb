/** Runs once when a Next.js server starts, before it serves anything (also `next start` or a standalone server.js). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { checkConfigurationOrExit, migrateAtStartOrExit } = await import('./lib/server/startup-check')
  await migrateAtStartOrExit(checkConfigurationOrExit())
}
