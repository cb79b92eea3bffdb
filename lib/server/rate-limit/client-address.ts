/**
 * Who is asking, by network address, for the limits that cannot key on an account (sign-in, sign-up, visitors'
 * grades). Next.js only sets `X-Forwarded-For` when the client did not send one, so that header is the client's
 * to choose unless a proxy we trust overwrites it. The socket's address is therefore stamped on every request
 * by this process (Node's `http.server.request.start` diagnostics channel, installed from instrumentation.ts)
 * under a header whose value carries a per-process token a client cannot know: a forged stamp is ignored.
 */
import { subscribe } from 'node:diagnostics_channel'
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isIP, type Socket } from 'node:net'
import { log } from '../observability/log.ts'

export const peerHeader = 'x-kubelab-peer'
/** requests whose address is not known (no stamp: a test, or the stamp was not installed) share one key */
export const unknownAddress = 'unknown'

interface StampState {
  token: string
  warned: boolean
}
// on globalThis: instrumentation and the route bundles are separate module instances in one process
const state: StampState = ((globalThis as { __kubelabPeerStamp?: StampState }).__kubelabPeerStamp ??= { token: '', warned: false })

/** Stamps every HTTP request this process receives with its socket's address (idempotent). */
export function installClientAddressStamp(): void {
  if (state.token) return
  state.token = randomBytes(16).toString('base64url')
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    request.headers[peerHeader] = `${state.token} ${socket.remoteAddress ?? ''}`
  })
}

/** Tests: the header value this process's stamp would set for an address. */
export function stampFor(address: string): string {
  state.token ||= randomBytes(16).toString('base64url')
  return `${state.token} ${address}`
}

/**
 * The client's address: with `trustProxy`, the first `X-Forwarded-For` entry (the proxy in front appends what it
 * saw, so the first one is the client as the outermost proxy saw it — set TRUST_PROXY only behind a proxy that
 * replaces the header); otherwise the socket's address from this process's stamp.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const first = normalizeAddress(headers.get('x-forwarded-for')?.split(',')[0] ?? '')
    if (first) return first
  }
  const stamp = headers.get(peerHeader)
  const space = stamp?.indexOf(' ') ?? -1
  if (stamp && state.token && space > 0 && stamp.slice(0, space) === state.token)
    return normalizeAddress(stamp.slice(space + 1)) ?? unknownAddress
  if (!state.warned) {
    state.warned = true
    log().warn(
      { event: 'limit.no-address' },
      'a request came without the client-address stamp; address limits share one key for such requests (is instrumentation.ts loaded?)',
    )
  }
  return unknownAddress
}

/** An IP address without brackets, port or IPv4-mapped prefix; null when it is not one. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  value = value.replace(/%.*$/, '').toLowerCase()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value)
  if (mapped) value = mapped[1]!
  return isIP(value) ? value : null
}

/**
 * The key an address is limited under: IPv4 as is, IPv6 by its /64 network (one subscriber usually has a
 * whole /64, so single addresses would be free to rotate).
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
