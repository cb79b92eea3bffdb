'use client'
import { usePathname } from 'next/navigation'
import { isLocale } from '@/i18n/locales'

/**
 * The page's address as the learner sees it. Pages live under app/[locale]/ and are reached by a rewrite
 * (proxy.ts), so a prerendered page knows itself as `/ko/courses/…` while the browser shows `/courses/…`:
 * dropping the locale makes both render the same (no hydration mismatch in links that depend on it).
 */
export function useSitePathname(): string {
  const pathname = usePathname() ?? '/'
  const [, first, ...rest] = pathname.split('/')
  return isLocale(first) ? `/${rest.join('/')}` : pathname
}
