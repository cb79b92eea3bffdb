'use server'
import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/server/auth/auth'
import { dal } from '@/lib/server/dal'
import { EmailTakenError, signUpSchema } from '@/lib/server/dal/users'
import { safeRedirect } from './safe-redirect'

export interface AuthFormState {
  error: 'invalidCredentials' | 'emailTaken' | 'invalidInput' | null
  fields?: Partial<Record<'email' | 'password' | 'name', true>>
  /** what the learner typed, given back so an error does not empty the form (never the password) */
  email?: string
  name?: string
}

const typed = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.slice(0, 254) : '')

async function signInWith(email: string, password: string, redirectTo: string): Promise<AuthFormState> {
  try {
    await signIn('credentials', { email, password, redirectTo })
    return { error: null }
  } catch (error) {
    if (error instanceof AuthError) return { error: 'invalidCredentials', email }
    throw error // the redirect after a successful sign-in is thrown too
  }
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) }).safeParse({ email: form.get('email'), password: form.get('password') })
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true]))
    return { error: 'invalidInput', fields, email: typed(form.get('email')) }
  }
  return signInWith(parsed.data.email, parsed.data.password, safeRedirect(form.get('redirectTo')))
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = { email: form.get('email'), password: form.get('password'), name: form.get('name') || undefined }
  const parsed = signUpSchema.safeParse(input)
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true]))
    return { error: 'invalidInput', fields, email: typed(input.email), name: typed(input.name ?? null) }
  }
  try {
    await dal().users.signUp(parsed.data)
  } catch (error) {
    if (error instanceof EmailTakenError) return { error: 'emailTaken', fields: { email: true }, email: parsed.data.email, name: parsed.data.name }
    throw error
  }
  return signInWith(parsed.data.email, parsed.data.password, safeRedirect(form.get('redirectTo')))
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' })
}
