import { describe, expect, it, vi } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import ko from '@/messages/ko.json'
import en from '@/messages/en.json'
import { loadCourses } from '@/lib/content/load'

// the page's server translations, from the same message files the app uses
vi.mock('next-intl/server', () => ({
  getTranslations: async ({ locale, namespace }: { locale: 'ko' | 'en'; namespace: string }) => {
    const messages = ({ ko, en } as unknown as Record<string, Record<string, Record<string, string>>>)[locale]![namespace]!
    return (key: string) => {
      if (!(key in messages)) throw new Error(`no message ${namespace}.${key}`)
      return messages[key]!
    }
  },
}))

const { GlossaryBody } = await import('./GlossaryBody')
const course = loadCourses()[0]!

describe('the glossary page', () => {
  it.each(['ko', 'en'] as const)(
    'gives every term an anchor, both names, kubectl’s names, the definition and its lesson (%s)',
    async (locale) => {
      const html = renderToStaticMarkup(await GlossaryBody({ course, locale }))
      for (const term of course.glossary) expect(html).toContain(`id="${term.id}"`)
      expect(html.match(/class="glossary-entry"/g)).toHaveLength(course.glossary.length)
      const pod = html.slice(html.indexOf('id="pod"'), html.indexOf('</div>', html.indexOf('id="pod"')))
      expect(pod).toContain('<code>pods (po)</code>')
      expect(pod).toContain('href="/courses/kubernetes-basics/pod"')
      expect(pod).toContain(locale === 'ko' ? '3. Pod — 가장 작은 실행 단위' : '3. Pods — the smallest unit you deploy')
      const rs = html.slice(html.indexOf('id="label-selector"'), html.indexOf('</div>', html.indexOf('id="label-selector"')))
      expect(rs).toContain(
        locale === 'ko'
          ? '<dfn>레이블 셀렉터</dfn><span class="muted" lang="en"> (label selector)</span>'
          : '<dfn>label selector</dfn><span class="muted" lang="ko"> (레이블 셀렉터)</span>',
      )
      // the index links each term, in the page's alphabetical order
      expect(html).toContain('<a href="#api-server">')
      expect(html).toContain(locale === 'ko' ? '용어집' : 'Glossary')
    },
  )
})
