/**
 * Watches every HTTP request this process serves, through Node's own diagnostics channels (the same hook as the
 * client-address stamp, lib/server/rate-limit/client-address.ts), installed once from instrumentation.ts:
 * - as a request arrives: its id (request-id.ts) goes on the request (`x-request-id`, so route handlers can read
 *   it) and on the response (`X-Request-Id`), and the request context (request-context.ts) is entered, so every
 *   log line written while serving it carries `reqId` — pages, API routes, static files alike;
 * - as its response finishes: one `http.request` log line (route template, status, duration) and the request
 *   count and latency metrics by route.
 * Next.js's proxy (proxy.ts) sees only pages, so it could not do this for the API.
 */
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { Metrics } from './metrics.ts'
import { enterRequest, type RequestContext } from './request-context.ts'
import { chooseRequestId, requestIdHeader } from './request-id.ts'
import { routeLabel, type RouteTable } from './route-label.ts'

export interface ObserverOptions {
  trustProxy: boolean
  routes: RouteTable | null
  log: () => Logger
  metrics: () => Metrics
}

interface Message {
  request: IncomingMessage
  response: ServerResponse
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
/** probes and scrapes: every few seconds from every load balancer, so logged only at debug */
const quietRoutes = new Set(['/api/health', '/api/ready', '/api/metrics', '/_next/static', '/_next/image'])

export interface Observer {
  onStart(message: Message): void
  onFinish(message: Message): void
}

export function createObserver(options: ObserverOptions): Observer {
  const contexts = new WeakMap<IncomingMessage, RequestContext>()
  return {
    onStart({ request, response }) {
      const id = chooseRequestId(request.headers[requestIdHeader], options.trustProxy)
      request.headers[requestIdHeader] = id
      response.setHeader('X-Request-Id', id)
      const context: RequestContext = { id, method: request.method ?? 'GET', startedAt: process.hrtime.bigint() }
      contexts.set(request, context)
      enterRequest(context)
    },
    onFinish({ request, response }) {
      const context = contexts.get(request)
      if (!context) return
      const seconds = Number(process.hrtime.bigint() - context.startedAt) / 1e9
      const pathname = (request.url ?? '/').split('?')[0]!
      const status = response.statusCode
      const route = routeLabel(pathname, status, options.routes)
      const method = knownMethods.has(context.method) ? context.method : 'OTHER'
      const metrics = options.metrics()
      metrics.httpRequests.inc({ method, route, status: String(status) })
      metrics.httpDuration.observe({ method, route }, seconds)
      const logger = options.log()
      const level = status >= 500 ? 'error' : quietRoutes.has(route) ? 'debug' : 'info'
      if (!logger.isLevelEnabled(level)) return
      // the path only where it holds no secret: invitation and password-reset links are tokens
      const path = route.includes('[token]') ? route : pathname.slice(0, 512)
      logger[level](
        { event: 'http.request', reqId: context.id, method, route, path, status, ms: Math.round(seconds * 10_000) / 10 },
        `${method} ${path} ${status}`,
      )
    },
  }
}

const installed = globalThis as { __kubelabHttpObserver?: boolean }

/** Subscribes the observer to this process's HTTP server channels (once). */
export function installHttpObserver(options: ObserverOptions): void {
  if (installed.__kubelabHttpObserver) return
  installed.__kubelabHttpObserver = true
  const observer = createObserver(options)
  subscribe('http.server.request.start', (message) => observer.onStart(message as Message))
  subscribe('http.server.response.finish', (message) => observer.onFinish(message as Message))
}
