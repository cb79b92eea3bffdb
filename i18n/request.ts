import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { isLocale, localeCookie, negotiateLocale, type Locale } from './locales.ts'

// Namespaces kept in their own files (messages/<locale>/<namespace>.json), next to the main messages file.
async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const [main, cluster, terminal, timeline, teach, studio, visitor, errors, limits] = await Promise.all([
    import(`../messages/${locale}.json`),
    import(`../messages/${locale}/cluster.json`),
    import(`../messages/${locale}/terminal.json`),
    import(`../messages/${locale}/timeline.json`),
    import(`../messages/${locale}/teach.json`),
    import(`../messages/${locale}/studio.json`),
    import(`../messages/${locale}/visitor.json`),
    import(`../messages/${locale}/errors.json`),
    import(`../messages/${locale}/limits.json`),
  ])
  return { ...main.default, cluster: cluster.default, terminal: terminal.default, timeline: timeline.default, teach: teach.default, studio: studio.default, visitor: visitor.default, errors: errors.default, limits: limits.default }
}

// No locale in the URL: the learner's choice is remembered in a cookie, otherwise the browser's language decides.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'))
  return { locale, messages: await loadMessages(locale) }
})
