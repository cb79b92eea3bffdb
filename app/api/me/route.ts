import { NextResponse } from 'next/server'
import { displayedSession } from '@/lib/server/session'

export const dynamic = 'force-dynamic'

/**
 * Who is signed in, for the header of every page (the pages themselves are the same for everyone: ADR 0018).
 * Display only: during a database outage it is what the session cookie last carried. What someone may see or do is
 * decided by each route and action, never by this answer.
 */
export async function GET() {
  const session = await displayedSession()
  const viewer = session && { id: session.id, name: session.name, email: session.email, role: session.role }
  return NextResponse.json({ viewer }, { headers: { 'cache-control': 'private, no-store' } })
}
