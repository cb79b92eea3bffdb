import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { Localized } from '@/lib/content/schemas'
import type { GlossaryTerm } from '@/lib/content/load'
import { withInlineCode } from './inline-code'
import type { Locale } from '@/i18n/locales'

/** The glossary's terms in the page's language's alphabetical order (Korean: 가나다, English: a–z). */
export function sortedTerms(terms: readonly GlossaryTerm[], locale: Locale): GlossaryTerm[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  return [...terms].sort((a, b) => collator.compare(a[locale], b[locale]) || a.id.localeCompare(b.id))
}

/**
 * A course's glossary page: every term, sorted in the page's language, each at its own anchor (`#pod`, where a
 * lesson's <Term id="pod"> links), with its name in both languages, kubectl's names for a kind, the definition and
 * the lesson that introduces it.
 */
export async function GlossaryBody({
  course,
  locale,
}: {
  course: {
    id: string
    title: Localized
    glossary: readonly GlossaryTerm[]
    lessons: readonly { id: string; number: number; title: Localized }[]
  }
  locale: Locale
}) {
  const t = await getTranslations({ locale, namespace: 'glossary' })
  const other = locale === 'ko' ? 'en' : 'ko'
  const lessons = new Map(course.lessons.map((l) => [l.id, l]))
  const terms = sortedTerms(course.glossary, locale)
  return (
    <div className="page glossary-page">
      <p className="muted">
        <Link href={`/courses/${course.id}`}>{course.title[locale]}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      <nav aria-label={t('index')}>
        <ul className="glossary-index">
          {terms.map((term) => (
            <li key={term.id}>
              <a href={`#${term.id}`}>{term[locale]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <dl className="glossary">
        {terms.map((term) => {
          const lesson = lessons.get(term.lesson)
          return (
            <div key={term.id} id={term.id} className="glossary-entry" data-testid={`glossary-${term.id}`}>
              <dt>
                <dfn>{term[locale]}</dfn>
                {term[other] !== term[locale] && (
                  <span className="muted" lang={other}>
                    {' '}
                    ({term[other]})
                  </span>
                )}
              </dt>
              <dd>
                {term.kubectl && (
                  <p className="glossary-kubectl">
                    {t('kubectl')}: <code>{term.kubectl}</code>
                  </p>
                )}
                <p>{withInlineCode(term.definition[locale])}</p>
                {lesson && (
                  <p className="muted">
                    {t('introducedIn')}:{' '}
                    <Link href={`/courses/${course.id}/${lesson.id}`}>
                      {lesson.number}. {lesson.title[locale]}
                    </Link>
                  </p>
                )}
              </dd>
            </div>
          )
        })}
      </dl>
    </div>
  )
}
