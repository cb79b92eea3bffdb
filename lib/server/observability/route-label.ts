/**
 * The route a request went to, as Next.js names it (`/courses/[courseId]/[lessonId]`, `/api/exercises/[id]/grade`),
 * for metric labels and log lines: a bounded set, never the raw path (ids, tokens). Read from the build's
 * `.next/routes-manifest.json`, which lists every page and route handler with the regular expression Next.js
 * matches it with.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface RouteTable {
  exact: Map<string, string>
  patterns: { regex: RegExp; page: string }[]
}

interface ManifestRoute {
  page: string
  regex: string
}

export function routeTableFrom(manifest: { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] }): RouteTable {
  const exact = new Map<string, string>()
  for (const route of manifest.staticRoutes ?? []) exact.set(route.page, route.page)
  const patterns = (manifest.dynamicRoutes ?? []).flatMap((route) => {
    try {
      return [{ regex: new RegExp(route.regex), page: route.page }]
    } catch {
      return []
    }
  })
  return { exact, patterns }
}

/** The build's routes (`next start` and the standalone server run in the directory holding `.next`); null without one. */
export function loadRouteTable(root: string = process.cwd()): RouteTable | null {
  for (const file of [join(root, '.next', 'routes-manifest.json'), join(root, '.next', 'dev', 'routes-manifest.json')]) {
    if (!existsSync(file)) continue
    try {
      return routeTableFrom(JSON.parse(readFileSync(file, 'utf8')))
    } catch {
      return null
    }
  }
  return null
}

export const notFoundRoute = '(not found)'
export const otherRoute = '(other)'

/** The route template for a path (without its query); `(not found)` for a 404 nowhere in the table. */
export function routeLabel(pathname: string, status: number, table: RouteTable | null): string {
  if (pathname.startsWith('/_next/static/')) return '/_next/static'
  if (pathname.startsWith('/_next/image')) return '/_next/image'
  if (pathname.startsWith('/_next/')) return '/_next'
  // a page's React Server Components payload is the page's
  let path = pathname.replace(/\.rsc$/, '').replace(/\.segments\/.*$/, '')
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  if (table) {
    const exact = table.exact.get(path)
    if (exact) return exact
    for (const { regex, page } of table.patterns) if (regex.test(path)) return page
  }
  return status === 404 ? notFoundRoute : otherRoute
}
