import { NextResponse } from 'next/server'

export const dynamic = 'force-dynamic'

/**
 * Liveness: the process answers. It asks nothing of the database on purpose: a database outage must not get every
 * instance restarted by its supervisor (that is readiness, /api/ready, which takes an instance out of rotation).
 */
export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
