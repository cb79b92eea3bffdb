/**
 * The sign-in limits as Auth.js's `authorize` and `events.signIn` use them (lib/server/auth/auth.ts). Apart from
 * index.ts because it needs next-auth, which the routes' tests cannot load.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { CredentialsSignin } from 'next-auth'
import { hashPassword } from '../auth/password.ts'
import { addressOf, limits, requestAddress, throttledCodePrefix } from './index.ts'

const timing = { ms: Number.POSITIVE_INFINITY, measuredAt: 0, measuring: false }

/** Times one scrypt now and then (at most once a minute); the quickest seen is what a check costs unhurried. */
async function measurePasswordCheck(): Promise<void> {
  if (timing.measuring || Date.now() - timing.measuredAt < 60_000) return
  timing.measuring = true
  try {
    const started = performance.now()
    await hashPassword('timing-reference')
    timing.ms = Math.min(timing.ms, performance.now() - started)
    timing.measuredAt = Date.now()
  } finally {
    timing.measuring = false
  }
}

/**
 * A refused attempt waits about as long as checking a password takes before it answers, so a locked account does
 * not answer faster than an email tried for the first time: timing tells neither whether the account exists nor
 * whether it is locked. Waiting costs a timer, not the CPU a hash would (one is timed a minute at most).
 */
async function likeAPasswordCheck(): Promise<void> {
  await measurePasswordCheck()
  const ms = Number.isFinite(timing.ms) ? timing.ms : 50
  await sleep(ms * (0.9 + Math.random() * 0.2))
}

/**
 * A sign-in refused by the limits before the password was checked. Auth.js passes it through to the sign-in
 * action, and its `code` (`rate_limited.<seconds>`) into the redirect of its own credentials endpoint, which
 * app/api/auth/[...nextauth]/route.ts turns into a 429.
 */
export class SignInThrottled extends CredentialsSignin {
  constructor(readonly retryAfter: number) {
    super()
    this.code = `${throttledCodePrefix}${retryAfter}`
  }
}

export const signInLimits = {
  /** Throws SignInThrottled while this account or the request's address must wait (the password is not checked). */
  async check(email: string, request: Request | undefined): Promise<void> {
    const address = request ? addressOf(request) : ((await requestAddress()) ?? 'unknown')
    const wait = await limits().signIn.consume(email, address)
    if (wait > 0) {
      await likeAPasswordCheck()
      throw new SignInThrottled(wait)
    }
  },
  /** After a right password: forgives the account's failures (Auth.js `events.signIn`). */
  async succeeded(email: string | null | undefined): Promise<void> {
    if (email) await limits().signIn.succeeded(email, await requestAddress())
  },
}
