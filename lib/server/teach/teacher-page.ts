import 'server-only'
import { cache } from 'react'
import { forbidden, notFound, redirect } from 'next/navigation'
import { hasRole } from '../auth/roles.ts'
import type { Viewer } from '../dal/viewer.ts'
import { currentViewer } from '../viewer.ts'

/**
 * The one gate of the teacher pages (a class, a learner, a submission, exercise and quiz insight). `load` reads what
 * the page shows for a teacher (an admin too), or null when it is not theirs to see; its arguments after the viewer
 * are the page's (plain values: they are the key of one read per request, shared by generateMetadata and the page).
 * - `find`, for generateMetadata: what `load` found, or null for anyone else (the title then says what the page is);
 * - `open`, for the page: a visitor is sent to sign in and back to `path` (its segments, each encoded), anyone but a
 *   teacher gets 403, and what `load` does not find is a 404.
 * The data-access layer checks the viewer again on every read.
 */
export function teacherPage<Args extends unknown[], T>(load: (viewer: Viewer, ...args: Args) => Promise<T | null>) {
  const find = cache(async (...args: Args): Promise<T | null> => {
    const viewer = await currentViewer()
    return hasRole(viewer, ['teacher']) ? load(viewer, ...args) : null
  })
  async function open(path: string[], ...args: Args): Promise<{ viewer: Viewer; found: T }> {
    const viewer = await currentViewer()
    if (!viewer) redirect(`/signin?next=/${path.map(encodeURIComponent).join('/')}`)
    if (!hasRole(viewer, ['teacher'])) forbidden()
    const found = await find(...args)
    if (!found) notFound()
    return { viewer, found }
  }
  return { find, open }
}
