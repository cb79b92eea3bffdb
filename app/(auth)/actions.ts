'use server'
import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn, signOut } from '@/lib/server/auth/auth'
import { dal } from '@/lib/server/dal'
import { EmailTakenError, signUpSchema } from '@/lib/server/dal/users'

export interface AuthFormState {
  error: 'invalidCredentials' | 'emailTaken' | 'invalidInput' | null
  fields?: Partial<Record<'email' | 'password' | 'name', true>>
  email?: string
}

/** Only same-site paths, so a crafted link cannot send a learner elsewhere after signing in. */
function safeRedirect(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : ''
  return path.startsWith('/') && !path.startsWith('//') ? path : '/courses/kubernetes-basics'
}

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
  if (!parsed.success) return { error: 'invalidInput', fields: { email: true, password: true } }
  return signInWith(parsed.data.email, parsed.data.password, safeRedirect(form.get('redirectTo')))
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = { email: form.get('email'), password: form.get('password'), name: form.get('name') || undefined }
  const parsed = signUpSchema.safeParse(input)
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true]))
    return { error: 'invalidInput', fields, email: typeof input.email === 'string' ? input.email : '' }
  }
  try {
    await dal().users.signUp(parsed.data)
  } catch (error) {
    if (error instanceof EmailTakenError) return { error: 'emailTaken', fields: { email: true }, email: parsed.data.email }
    throw error
  }
  return signInWith(parsed.data.email, parsed.data.password, safeRedirect(form.get('redirectTo')))
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' })
}
