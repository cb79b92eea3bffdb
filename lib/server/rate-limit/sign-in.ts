/**
 * The sign-in limits as Auth.js's `authorize` and `events.signIn` use them (lib/server/auth/auth.ts). Apart from
 * index.ts because it needs next-auth, which the routes' tests cannot load.
 */
import { CredentialsSignin } from 'next-auth'
import { addressOf, limits, requestAddress, throttledCodePrefix } from './index.ts'

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
    if (wait > 0) throw new SignInThrottled(wait)
  },
  /** After a right password: forgives the account's failures (Auth.js `events.signIn`). */
  async succeeded(email: string | null | undefined): Promise<void> {
    if (email) await limits().signIn.succeeded(email, await requestAddress())
  },
}
