import { NextResponse } from 'next/server'
import { dal } from '@/lib/server/dal'

export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    await dal().ping()
    return NextResponse.json({ status: 'ok', db: 'ok' })
  } catch {
    return NextResponse.json({ status: 'degraded', db: 'unreachable' }, { status: 503 })
  }
}
