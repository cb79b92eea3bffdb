import { describe, expect, it } from 'vitest'
import { notFoundRoute, otherRoute, routeLabel, routeTableFrom } from './route-label.ts'

// the shape of .next/routes-manifest.json (Next.js 16), with some of Kubelab's routes
const table = routeTableFrom({
  staticRoutes: [
    { page: '/', regex: '^/(?:/)?$' },
    { page: '/api/health', regex: '^/api/health(?:/)?$' },
    { page: '/api/metrics', regex: '^/api/metrics(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/api/exercises/[id]/grade', regex: '^/api/exercises/([^/]+?)/grade(?:/)?$' },
    { page: '/courses/[courseId]', regex: '^/courses/([^/]+?)(?:/)?$' },
    { page: '/courses/[courseId]/[lessonId]', regex: '^/courses/([^/]+?)/([^/]+?)(?:/)?$' },
    { page: '/reset/[token]', regex: '^/reset/([^/]+?)(?:/)?$' },
    { page: '/broken', regex: '(' },
  ],
})

describe('route labels', () => {
  it("are Next.js's route templates, not the paths with their ids", () => {
    expect(routeLabel('/', 200, table)).toBe('/')
    expect(routeLabel('/api/health', 200, table)).toBe('/api/health')
    expect(routeLabel('/api/health/', 200, table)).toBe('/api/health')
    expect(routeLabel('/api/exercises/deployment-web/grade', 200, table)).toBe('/api/exercises/[id]/grade')
    expect(routeLabel('/courses/kubernetes-basics', 200, table)).toBe('/courses/[courseId]')
    expect(routeLabel('/courses/kubernetes-basics/pods', 200, table)).toBe('/courses/[courseId]/[lessonId]')
    expect(routeLabel('/courses/kubernetes-basics/pods.rsc', 200, table)).toBe('/courses/[courseId]/[lessonId]')
    expect(routeLabel('/reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 200, table)).toBe('/reset/[token]')
  })

  it("group Next.js's own files, and put anything else in two labels, so a scan cannot add labels", () => {
    expect(routeLabel('/_next/static/chunks/app-1234.js', 200, table)).toBe('/_next/static')
    expect(routeLabel('/_next/image', 200, table)).toBe('/_next/image')
    expect(routeLabel('/wp-login.php', 404, table)).toBe(notFoundRoute)
    expect(routeLabel('/a/b/c/d/e', 404, table)).toBe(notFoundRoute)
    expect(routeLabel('/icon.svg', 200, table)).toBe(otherRoute)
    expect(routeLabel('/api/health', 200, null)).toBe(otherRoute)
  })
})
