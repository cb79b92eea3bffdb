import { getRequestConfig } from 'next-intl/server'
import { defaultLocale, isLocale, type Locale } from './locales.ts'

// Namespaces kept in their own files (messages/<locale>/<namespace>.json), next to the main messages file.
// One entry per line, alphabetical: a feature adds its namespace here and nowhere else.
export const messageNamespaces = [
  'admin',
  'cluster',
  'comments',
  'coteach',
  'deadlines',
  'errors',
  'insight',
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

// The URL a learner sees carries no locale: proxy.ts picks it (the learner's choice in a cookie, else the browser's
// language) and rewrites the request to app/[locale]/…. A page learns it from that segment (setRequestLocale, which
// keeps lessons prerenderable) or, on a page rendered per request, from the header proxy.ts sets beside the rewrite.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale
  const locale = isLocale(requested) ? requested : defaultLocale
  return { locale, messages: await loadMessages(locale) }
})
