/**
 * The server's limits, configured from the environment (README, Security): counters in Redis when REDIS_URL is
 * set, else in the database. Created on first use, so `next build` opens nothing.
 */
import { headers } from 'next/headers'
import { Redis } from 'ioredis'
import { db } from '../db/client.ts'
import { env, type Env } from '../env.ts'
import { clientAddress } from './client-address.ts'
import { createLimits, type LimitSettings, type Limits, type LimitStore } from './limits.ts'
import { log } from '../observability/log.ts'

export { recordRefusal, onRefusal, type LimitName } from './refusals.ts'
export { clientAddress, installClientAddressStamp } from './client-address.ts'
export { createLimits, type Limits, type LimitStore, type LimitSettings } from './limits.ts'

export function limitSettings(e: Env): LimitSettings {
  return {
    signInAccount: e.RATE_LIMIT_SIGNIN_ACCOUNT,
    signInBackoff: e.RATE_LIMIT_SIGNIN_BACKOFF,
    signInAddress: e.RATE_LIMIT_SIGNIN_ADDRESS,
    signUpAddress: e.RATE_LIMIT_SIGNUP_ADDRESS,
    gradeUser: e.RATE_LIMIT_GRADE_USER,
    gradeAddress: e.RATE_LIMIT_GRADE_ADDRESS,
    quizUser: e.RATE_LIMIT_QUIZ_USER,
    importUser: e.RATE_LIMIT_IMPORT_USER,
  }
}

const holder = ((globalThis as { __kubelabLimits?: { limits: Limits | null } }).__kubelabLimits ??= { limits: null })

function defaultStore(e: Env): LimitStore {
  if (!e.REDIS_URL) return { kind: 'database', db: db() }
  // no offline queue: while Redis is away, a limit answers from the in-memory fallback at once
  const client = new Redis(e.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
  client.on('error', (error) => log().error({ event: 'redis.error', message: error.message }, `Redis for the limits: ${error.message}`))
  return { kind: 'redis', client }
}

/** The limits every route and action checks. */
export function limits(): Limits {
  holder.limits ??= createLimits(defaultStore(env()), limitSettings(env()))
  return holder.limits
}

/** Tests: use these limits (or go back to the configured ones with null). */
export function useLimits(replacement: Limits | null): void {
  holder.limits = replacement
}

/** The client address of the request a route handler received. */
export function addressOf(request: Request): string {
  return clientAddress(request.headers, env().TRUST_PROXY)
}

/** The client address of the request being served (server actions, Auth.js events); null outside a request. */
export async function requestAddress(): Promise<string | null> {
  try {
    return clientAddress(await headers(), env().TRUST_PROXY)
  } catch {
    return null
  }
}

/** The prefix of the Auth.js error code of a sign-in the limits refused (SignInThrottled in sign-in.ts). */
export const throttledCodePrefix = 'rate_limited.'

/** The wait in an Auth.js error code set by SignInThrottled, or null. */
export function throttledWait(code: string | null | undefined): number | null {
  if (!code?.startsWith(throttledCodePrefix)) return null
  const seconds = Number(code.slice(throttledCodePrefix.length))
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null
}
