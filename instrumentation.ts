/**
 * Runs once when a Next.js server starts, before it serves anything: also when `next start` is run directly,
 * bypassing `npm start` (scripts/start.ts). A configuration that would fail later, on a request (production
 * without AUTH_SECRET: every session would fail), stops the server here with one readable line per problem.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { EnvError, parseEnv } = await import('./lib/server/env')
  try {
    parseEnv()
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    for (const line of error.message.split('\n')) console.error(`kubelab: ${line}`)
    process.exit(1)
  }
}
