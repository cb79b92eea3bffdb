import 'server-only'
import { NextResponse } from 'next/server'
import { hasRole } from '../auth/roles.ts'
import type { Viewer } from '../dal/viewer.ts'
import { currentViewer } from '../viewer.ts'

/**
 * The gate of a class's CSV exports, for its teachers (an admin too): what `load` found, or the JSON refusal every
 * export answers — 401 for a visitor, 403 for anyone but a teacher (saying what only teachers export), 404 for a class
 * that is not among theirs (`load` found nothing).
 */
export async function classExport<T>(
  onlyTeachers: string,
  load: (viewer: Viewer) => Promise<T | null>,
): Promise<{ found: T; refusal: null } | { found: null; refusal: NextResponse }> {
  const viewer = await currentViewer()
  if (!viewer) return { found: null, refusal: NextResponse.json({ error: 'unauthorized', message: 'Sign in first.' }, { status: 401 }) }
  if (!hasRole(viewer, ['teacher']))
    return { found: null, refusal: NextResponse.json({ error: 'forbidden', message: onlyTeachers }, { status: 403 }) }
  const found = await load(viewer)
  if (!found)
    return { found: null, refusal: NextResponse.json({ error: 'not_found', message: 'No such class among yours.' }, { status: 404 }) }
  return { found, refusal: null }
}

/** A class export's response headers: a CSV download named after the class (`<name>-<what>.csv`), never cached. */
export function csvDownloadHeaders(className: string, what: 'progress' | 'attempts'): Record<string, string> {
  const slug =
    className
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'class'
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="class-${what}.csv"; filename*=UTF-8''${encodeURIComponent(`${slug}-${what}.csv`)}`,
    'Cache-Control': 'no-store',
  }
}
