import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { isLocale, localeCookie, negotiateLocale, type Locale } from './locales.ts'

// Namespaces kept in their own files (messages/<locale>/<namespace>.json), next to the main messages file.
// One entry per line, alphabetical: a feature adds its namespace here and nowhere else.
export const messageNamespaces = [
  'admin',
  'cluster',
  'errors',
  'limits',
  'studio',
  'teach',
  'terminal',
  'timeline',
  'visitor',
] as const

async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const [main, ...nested] = await Promise.all([
    import(`../messages/${locale}.json`),
    ...messageNamespaces.map((namespace) => import(`../messages/${locale}/${namespace}.json`)),
  ])
  return { ...main.default, ...Object.fromEntries(messageNamespaces.map((namespace, i) => [namespace, nested[i].default])) }
}

// No locale in the URL: the learner's choice is remembered in a cookie, otherwise the browser's language decides.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'))
  return { locale, messages: await loadMessages(locale) }
})
