/** Installed once per server process from instrumentation.ts: request ids, request logs and metrics (ADR 0017). */
import type { Env } from '../env.ts'
import { onRefusal } from '../rate-limit/refusals.ts'
import { installHttpObserver } from './http-observer.ts'
import { log } from './log.ts'
import { metrics } from './metrics.ts'
import { loadRouteTable } from './route-label.ts'

const state = globalThis as { __kubelabObservability?: boolean }

export function installObservability(e: Env): void {
  if (state.__kubelabObservability) return
  state.__kubelabObservability = true
  metrics() // the process metrics start counting now
  installHttpObserver({ trustProxy: e.TRUST_PROXY, routes: loadRouteTable(), log, metrics })
  onRefusal((limit) => metrics().limitRefusals.inc({ limit }))
}

/** Next.js's onRequestError hook: an error a page, route handler or server action threw, on the log with its route. */
export function logRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath?: string; routeType?: string },
): void {
  const reqId = request.headers['x-request-id']
  log().error(
    {
      event: 'http.error',
      ...(typeof reqId === 'string' ? { reqId } : {}),
      method: request.method,
      route: context.routePath ?? null,
      routeType: context.routeType ?? null,
      err: error,
    },
    `${request.method} ${context.routePath ?? '?'} threw`,
  )
}
