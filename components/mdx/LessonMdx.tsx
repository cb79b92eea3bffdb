import * as React from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'
import { getTranslations } from 'next-intl/server'
import { currentLang } from '@/i18n/current-lang'
import type { ComponentProps } from 'react'
import { findCourse, type Lesson } from '@/lib/content/load'
import { Quiz } from '@/components/quiz/Quiz'
import { CodeBlock } from './CodeBlock'
import { makeDiagram } from './Diagram'
import { makeDemo } from './Demo'
import { Precisely } from './Precisely'
import { Term } from './Term'
import { withInlineCode } from '@/components/lesson/inline-code'
import type { Locale } from '@/i18n/locales'

/**
 * Renders a compiled lesson with the components lessons may use (see content/README.md). `locale`: the page's
 * language when it is not the request's (the studio previews both pages side by side).
 */
export async function LessonMdx({
  code,
  lesson,
  courseDir,
  locale: pageLocale,
}: {
  code: string
  lesson: Pick<Lesson, 'id' | 'courseId' | 'quiz'>
  courseDir: string | null
  locale?: Locale
}) {
  const locale = pageLocale ?? (await currentLang())
  const t = await getTranslations({ locale, namespace: 'lesson' })
  // the studio previews both pages side by side: each quiz region needs a name of its own
  const previewLabel = pageLocale
    ? `${(await getTranslations('quiz'))('title')} · ${pageLocale === 'ko' ? '한국어' : 'English'}`
    : undefined
  const tg = await getTranslations({ locale, namespace: 'glossary' })
  const glossary = new Map(glossaryOf(lesson.courseId).map((term) => [term.id, term]))
  const Content = mdxComponent(code)
  const components = {
    Precisely,
    Diagram: makeDiagram(courseDir),
    Demo: makeDemo(courseDir),
    // a first use of a glossary term shows its definition and links to its entry (the glossary page is the course's,
    // in the page's language); an id the glossary lacks (content check reports it) is a plain link
    Term: ({ id, children }: { id: string; children?: React.ReactNode }) => {
      const href = `/courses/${lesson.courseId}/glossary#${id}`
      const term = glossary.get(id)
      if (!term) return <a href={href}>{children}</a>
      return (
        <Term
          href={href}
          name={term[locale]}
          kubectl={term.kubectl}
          definition={withInlineCode(term.definition[locale])}
          seeEntry={tg('seeEntry')}
        >
          {children}
        </Term>
      )
    },
    Quiz: ({ id }: { id: string }) =>
      lesson.quiz && lesson.quiz.id === id ? (
        <Quiz
          quiz={lesson.quiz}
          locale={locale}
          courseDir={courseDir}
          courseId={lesson.courseId}
          lessonId={lesson.id}
          anchorId={pageLocale ? `quiz-${id}-${pageLocale}` : undefined}
          regionLabel={previewLabel}
        />
      ) : null,
    pre: (props: ComponentProps<'pre'>) => <CodeBlock label={t('tryIt')}>{props.children}</CodeBlock>,
    // a wide table scrolls sideways in its own box on a phone (globals.css): focusable, so the keyboard can scroll it
    table: (props: ComponentProps<'table'>) => <table {...props} tabIndex={0} />,
  }
  // eslint-disable-next-line react-hooks/static-components -- a server component renders once per request: no state to lose
  return <Content components={components as never} />
}

/** The glossary of a file course; none for a studio course, or when the content does not load (its page says why). */
function glossaryOf(courseId: string) {
  try {
    return findCourse(courseId)?.glossary ?? []
  } catch {
    return []
  }
}

// What mdx-bundler's getMDXComponent does, with this module's React (the server build), not node_modules' copy.
function mdxComponent(code: string): React.ComponentType<{ components?: Record<string, unknown> }> {
  const run = new Function('React', 'ReactDOM', '_jsx_runtime', code) as (...args: unknown[]) => { default: React.ComponentType }
  return run(React, ReactDOM, jsxRuntime).default as React.ComponentType<{ components?: Record<string, unknown> }>
}
