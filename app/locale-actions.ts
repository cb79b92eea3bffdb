'use server'
import { cookies } from 'next/headers'
import { z } from 'zod'
import { localeCookie, locales } from '@/i18n/locales'

export async function setLocaleAction(locale: string): Promise<void> {
  const parsed = z.enum(locales).safeParse(locale)
  if (!parsed.success) return
  ;(await cookies()).set(localeCookie, parsed.data, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
}
