import 'server-only'
import { currentSession } from './session.ts'
import type { Viewer } from './dal/viewer.ts'

/**
 * The signed-in user as the data-access layer sees them, or null for an anonymous visitor — or for a session whose
 * account was deleted or disabled since. The role is the one in the database now (see currentSession).
 */
export async function currentViewer(): Promise<Viewer | null> {
  const session = await currentSession()
  return session ? { id: session.id, role: session.role } : null
}
