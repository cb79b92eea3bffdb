/**
 * The request being served, for every log line written while serving it (its id) and for its metrics. One
 * AsyncLocalStorage on globalThis: instrumentation.ts and the route bundles are separate module instances in one
 * process, and the context is entered by the HTTP observer (http-observer.ts) before Next.js sees the request.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestContext {
  /** the X-Request-Id of this request (request-id.ts) */
  id: string
  method: string
  /** process.hrtime.bigint() when the request arrived */
  startedAt: bigint
}

const storage: AsyncLocalStorage<RequestContext> = ((
  globalThis as { __kubelabRequestContext?: AsyncLocalStorage<RequestContext> }
).__kubelabRequestContext ??= new AsyncLocalStorage<RequestContext>())

/** The request this code runs for, or undefined outside one (start-up, timers, the CLI). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore()
}

/** Runs `fn` (and everything it starts) as part of the request `context`. */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn)
}

/**
 * Makes `context` the current request for the rest of this synchronous run and everything it starts. Used where
 * Node announces a request (the `http.server.request.start` channel), which runs just before the server's
 * request handler, in the same synchronous run: so the handler and all it awaits carry the context.
 */
export function enterRequest(context: RequestContext): void {
  storage.enterWith(context)
}
