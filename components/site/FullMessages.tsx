import type { ReactNode } from 'react'
import { NextIntlClientProvider } from 'next-intl'

/**
 * Every message namespace for the client components below, on pages rendered per request for teachers, authors,
 * admins, invitations and password resets; the layout sends the browser only the public ones (app/[locale]/layout.tsx).
 */
export function FullMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>
}
