import { NextResponse } from 'next/server'
import type { Role } from '@/lib/server/auth/roles'
import { dal } from '@/lib/server/dal'
import { displayedSession } from '@/lib/server/session'

export const dynamic = 'force-dynamic'

/**
 * Who is signed in, for the header of every page (the pages themselves are the same for everyone: ADR 0018).
 * Display only: during a database outage it is what the session cookie last carried. What someone may see or do is
 * decided by each route and action, never by this answer. `unreadComments`: how many comments from their teachers
 * they have not seen (the header's badge); null when the database could not say.
 */
export async function GET() {
  const session = await displayedSession()
  const viewer = session && {
    id: session.id,
    name: session.name,
    email: session.email,
    role: session.role,
    unreadComments: await unreadComments(session),
  }
  return NextResponse.json({ viewer }, { headers: { 'cache-control': 'private, no-store' } })
}

async function unreadComments(session: { id: string; role: Role }): Promise<number | null> {
  try {
    return await dal().comments.unreadCount({ id: session.id, role: session.role })
  } catch {
    return null // the header shows no badge rather than no header
  }
}
