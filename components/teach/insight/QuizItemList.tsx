import { getTranslations } from 'next-intl/server'
import { InlineMarkdown } from '@/components/workspace/InlineMarkdown'
import type { QuestionInsight, WrongAnswer } from '@/lib/classes/insight-quiz'
import { percent } from './format'
import type { Locale } from '@/i18n/locales'

/** A quiz's questions, most missed on the first try first, each with the wrong answer chosen most. */
export async function QuizItemList({ questions, locale }: { questions: QuestionInsight[]; locale: Locale }) {
  const t = await getTranslations('insight')
  const wrongText = (w: WrongAnswer) =>
    w.kind === 'choice' ? w.text[locale] : w.kind === 'boolean' ? t(w.value ? 'quiz.true' : 'quiz.false') : `"${w.text}"`
  return (
    <ol className="quiz-items" data-testid="quiz-items">
      {questions.map((q) => (
        <li key={q.id} className="quiz-item" data-testid="quiz-item" data-question-id={q.id}>
          <p className="quiz-item-number muted">{t('quiz.question', { number: q.number })}</p>
          <p className="quiz-item-prompt">
            <InlineMarkdown text={q.prompt[locale]} />
          </p>
          {q.answered === 0 || q.missedShare === null ? (
            <p className="muted">{t('quiz.notAnswered')}</p>
          ) : (
            <>
              <div className="pass-line">
                <span className="miss-bar" aria-hidden="true">
                  <span style={{ width: `${percent(q.missedShare)}%` }} />
                </span>
                <span data-testid="quiz-missed">
                  {t('quiz.missed', { missed: q.missed, answered: q.answered, percent: percent(q.missedShare) })}
                </span>
              </div>
              {q.missed === 0 && <p className="muted">{t('quiz.allRight')}</p>}
              {q.topWrong && (
                <p className="top-wrong" data-testid="top-wrong">
                  <span className="top-mistake-label">{t('quiz.topWrong')}</span>{' '}
                  <span className="wrong-answer">
                    <InlineMarkdown text={wrongText(q.topWrong)} />
                  </span>{' '}
                  <span className="group-count">{t('quiz.topWrongCount', { count: q.topWrong.learners })}</span>
                </p>
              )}
              {q.type === 'ordering' && q.missed > 0 && <p className="muted">{t('quiz.ordering')}</p>}
            </>
          )}
        </li>
      ))}
    </ol>
  )
}
