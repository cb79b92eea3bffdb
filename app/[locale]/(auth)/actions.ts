'use server'
import { AuthError, type CredentialsSignin } from 'next-auth'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/server/auth/auth'
import { formFields } from '@/lib/server/action-input'
import { dal } from '@/lib/server/dal'
import { EmailTakenError, signUpSchema } from '@/lib/server/dal/users'
import { limits, requestAddress, throttledWait } from '@/lib/server/rate-limit'
import { safeRedirect } from '@/lib/text/safe-redirect'

export interface AuthFormState {
  error: 'invalidCredentials' | 'emailTaken' | 'invalidInput' | 'signInThrottled' | 'signUpThrottled' | null
  fields?: Partial<Record<'email' | 'password' | 'name', true>>
  /** what the learner typed, given back so an error does not empty the form (never the password) */
  email?: string
  name?: string
  /** seconds to wait after a refusal by the limits (ADR 0015) */
  retryAfter?: number
}

const typed = (value: string | undefined) => value?.slice(0, 254) ?? ''
const signInSchema = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) })
const fieldsOf = (error: z.ZodError) => Object.fromEntries(error.issues.map((i) => [String(i.path[0]), true]))

async function signInWith(email: string, password: string, redirectTo: string): Promise<AuthFormState> {
  try {
    await signIn('credentials', { email, password, redirectTo })
    return { error: null }
  } catch (error) {
    if (error instanceof AuthError) {
      // refused by the sign-in limits before the password was checked: the same answer for any email
      const wait = throttledWait((error as CredentialsSignin).code)
      return wait === null ? { error: 'invalidCredentials', email } : { error: 'signInThrottled', retryAfter: wait, email }
    }
    throw error // the redirect after a successful sign-in is thrown too
  }
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = formFields(form, ['email', 'password', 'redirectTo'])
  if (!input) return { error: 'invalidInput' }
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) return { error: 'invalidInput', fields: fieldsOf(parsed.error), email: typed(input.email) }
  return signInWith(parsed.data.email, parsed.data.password, safeRedirect(input.redirectTo ?? null))
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = formFields(form, ['email', 'password', 'name', 'redirectTo'])
  if (!input) return { error: 'invalidInput' }
  const parsed = signUpSchema.safeParse({ email: input.email, password: input.password, name: input.name || undefined })
  if (!parsed.success) return { error: 'invalidInput', fields: fieldsOf(parsed.error), email: typed(input.email), name: typed(input.name) }
  // accounts created from one address (ADR 0015); counted whether or not the email is taken, so it tells nothing
  const wait = await limits().signUp.consume((await requestAddress()) ?? 'unknown')
  if (wait > 0) return { error: 'signUpThrottled', retryAfter: wait, email: parsed.data.email, name: parsed.data.name }
  try {
    await dal().users.signUp(parsed.data)
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { error: 'emailTaken', fields: { email: true }, email: parsed.data.email, name: parsed.data.name }
    throw error
  }
  return signInWith(parsed.data.email, parsed.data.password, safeRedirect(input.redirectTo ?? null))
}

/** Ends the session; the header then loads the home page afresh, so nothing of the account stays on screen. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false })
}
