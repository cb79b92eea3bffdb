import 'server-only'
import { auth } from './auth/auth.ts'
import type { Role } from './auth/roles.ts'

export interface SessionUser {
  id: string
  email: string | null
  name: string | null
  role: Role
}

export async function currentSession(): Promise<SessionUser | null> {
  const session = await auth()
  if (!session?.user?.id) return null
  return { id: session.user.id, email: session.user.email ?? null, name: session.user.name ?? null, role: session.user.role }
}
