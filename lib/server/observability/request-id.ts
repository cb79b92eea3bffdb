/**
 * Every response carries an X-Request-Id, and every log line written while serving it has the same id (`reqId`),
 * so a learner's "it failed at 14:02" or a proxy's log leads to the server's lines. A proxy in front may have
 * given the request an id already: it is kept only when the proxy is trusted (TRUST_PROXY=1, which already means
 * the proxy sets the headers the client cannot) and the id is plainly an id — otherwise a client could write
 * anything into the logs, or make many requests share one id.
 */
import { randomUUID } from 'node:crypto'

export const requestIdHeader = 'x-request-id'

/** 8 to 128 letters, digits and `-_.:` starting with a letter or digit: UUIDs, ULIDs, nginx's $request_id, … */
export const requestIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/

export function newRequestId(): string {
  return randomUUID()
}

/** The id for a request: the proxy's when trusted and well-formed, else a new one. */
export function chooseRequestId(incoming: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && typeof incoming === 'string' && requestIdPattern.test(incoming)) return incoming
  return newRequestId()
}
