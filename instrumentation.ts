/** Runs once when a Next.js server starts, before it serves anything (also `next start` run directly). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('./lib/server/startup-check')).checkConfigurationOrExit()
}
