'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import { formatDate } from '@/lib/text/dates'

export interface PassRecord {
  /** ISO time of the passing attempt */
  at: string
  score: number
  checks: { id: string; passed: boolean }[]
  /** kept in this browser (a visitor), not on the server */
  visitor: boolean
}

/** A quiz's best attempt: correct out of total when known (the server's), else the score 0..1 (a visitor's). */
export type QuizScore = { correct: number; total: number; score?: number } | { score: number }

export interface LessonLinks {
  next: { href: string; title: string } | null
  course: string
  /** the quiz heading's id on this page, to jump to it */
  quizAnchor: string | null
}

/** After a pass: what was passed and when, the quiz's score, and the way on (the next lesson, the quiz). */
export function PassPanel({
  pass,
  quiz,
  links,
  hasQuiz,
}: {
  pass: PassRecord
  quiz: QuizScore | null
  links: LessonLinks
  hasQuiz: boolean
}) {
  const t = useTranslations('workspace')
  const lang = useLang()
  const score = Math.round(pass.score * 100)
  const date = formatDate(pass.at, lang)
  return (
    <div className="pass-panel" data-testid="pass-panel">
      <p className="pass-summary">
        <span aria-hidden="true">✓ </span>
        <span suppressHydrationWarning>{t(pass.visitor ? 'passedBeforeVisitor' : 'passedBefore', { date, score })}</span>
      </p>
      {hasQuiz && (
        <p className="pass-quiz" data-testid="quiz-score">
          {quiz === null
            ? t('quizNotTaken')
            : 'correct' in quiz
              ? t('quizScore', { correct: quiz.correct, total: quiz.total })
              : t('quizScorePercent', { score: Math.round(quiz.score * 100) })}
        </p>
      )}
      <div className="button-row">
        {links.next ? (
          <Link
            className="button primary"
            href={links.next.href}
            data-testid="next-lesson"
            aria-label={t('nextLessonTitle', { title: links.next.title })}
          >
            {t('nextLesson')} →
          </Link>
        ) : (
          <Link className="button primary" href={links.course} data-testid="next-lesson">
            {t('courseDone')}
          </Link>
        )}
        {hasQuiz && links.quizAnchor && (
          <a className="button" href={`#${links.quizAnchor}`} data-testid="go-to-quiz">
            {t('quizBelow')}
          </a>
        )}
      </div>
    </div>
  )
}
