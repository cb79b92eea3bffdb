import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { isLocale, localeCookie, negotiateLocale } from './locales.ts'

// No locale in the URL: the learner's choice is remembered in a cookie, otherwise the browser's language decides.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'))
  return { locale, messages: (await import(`../messages/${locale}.json`)).default }
})
