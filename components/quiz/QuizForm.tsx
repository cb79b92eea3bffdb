'use client'
import { useRef, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import type { PublicQuiz } from '@/lib/grading/quiz'
import { recordVisitorQuiz } from '@/lib/browser/visitor-work'
import { useConfirm } from '@/components/workspace/ConfirmDialog'
import { unansweredNumbers, type Answer } from './quiz-answers'
import { submitQuiz, type QuizResponse } from './quiz-api'
import { quizGradedEvent, type QuizGradedDetail } from './quiz-events'

/**
 * `anchorId`: the heading's id (lessons link to `#quiz-ID`); `regionLabel`: the region's name when the heading's is
 * not unique. The studio's side-by-side preview shows the same quiz twice and gives each its own.
 */
export function QuizForm({ quiz, courseId, lessonId, anchorId = `quiz-${quiz.id}`, regionLabel }: { quiz: PublicQuiz; courseId: string; lessonId: string; anchorId?: string; regionLabel?: string }) {
  const t = useTranslations('quiz')
  const lang = useLocale() === 'en' ? 'en' : 'ko'
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(quiz.questions.filter((q) => q.type === 'ordering').map((q) => [q.id, 'choices' in q ? q.choices.map((c) => c.id) : []])),
  )
  const [result, setResult] = useState<QuizResponse | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState(false)
  const { dialog, confirm } = useConfirm()
  const form = useRef<HTMLFormElement>(null)
  const set = (id: string, value: Answer) => setAnswers((a) => ({ ...a, [id]: value }))

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    const missing = unansweredNumbers(quiz.questions, answers)
    if (missing.length > 0) {
      // The server grades only a complete attempt (its keys would give the rest away), so the quiz sends the
      // learner back to the first open question instead of offering to submit anyway.
      const numbers = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(missing.map(String))
      await confirm({
        title: t('unansweredTitle'),
        message: t('unansweredMessage', { count: missing.length, numbers }),
        confirmLabel: t('goToQuestion', { number: missing[0]! }),
      })
      requestAnimationFrame(() => form.current?.querySelectorAll('fieldset')[missing[0]! - 1]?.querySelector<HTMLElement>('input, button')?.focus())
      return
    }
    setPending(true)
    setError(false)
    try {
      const graded = await submitQuiz(quiz.id, answers, lang)
      setResult(graded)
      // The workspace's pass panel shows the quiz's score.
      window.dispatchEvent(new CustomEvent<QuizGradedDetail>(quizGradedEvent, { detail: { quizId: quiz.id, correct: graded.correct, total: graded.total, score: graded.score } }))
      // A visitor's result stays in this browser until they sign in and import it.
      if (!graded.saved) recordVisitorQuiz({ courseId, lessonId, quizId: quiz.id, answers, score: graded.score, at: new Date().toISOString() })
    } catch {
      setError(true)
    } finally {
      setPending(false)
    }
  }

  const outcome = (id: string) => result?.questions.find((q) => q.id === id)
  return (
    <section className="quiz" aria-labelledby={regionLabel ? undefined : anchorId} aria-label={regionLabel} data-testid="quiz">
      <h2 id={anchorId}>{t('title')}</h2>
      <form onSubmit={submit} ref={form} noValidate>
        {quiz.questions.map((q, index) => {
          const o = outcome(q.id)
          const name = `${quiz.id}-${q.id}`
          return (
            <fieldset key={q.id} disabled={result !== null}>
              <legend>
                {index + 1}. {q.prompt}
              </legend>
              {q.type === 'single' &&
                q.choices.map((c) => (
                  <label key={c.id}>
                    <input type="radio" name={name} value={c.id} checked={answers[q.id] === c.id} onChange={() => set(q.id, c.id)} /> {c.text}
                  </label>
                ))}
              {q.type === 'multiple' &&
                q.choices.map((c) => {
                  const chosen = (answers[q.id] as string[] | undefined) ?? []
                  return (
                    <label key={c.id}>
                      <input type="checkbox" name={name} value={c.id} checked={chosen.includes(c.id)} onChange={(e) => set(q.id, e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} /> {c.text}
                    </label>
                  )
                })}
              {q.type === 'truefalse' &&
                ([true, false] as const).map((v) => (
                  <label key={String(v)}>
                    <input type="radio" name={name} checked={answers[q.id] === v} onChange={() => set(q.id, v)} /> {v ? t('true') : t('false')}
                  </label>
                ))}
              {q.type === 'short' && (
                <label>
                  <span className="visually-hidden">{t('yourAnswer')}</span>
                  <input type="text" name={name} value={(answers[q.id] as string | undefined) ?? ''} onChange={(e) => set(q.id, e.target.value)} autoComplete="off" spellCheck={false} />
                </label>
              )}
              {q.type === 'ordering' && (
                <ol className="ordering">
                  {((answers[q.id] as string[] | undefined) ?? []).map((id, i, order) => {
                    const text = q.choices.find((c) => c.id === id)?.text ?? id
                    const move = (to: number) => {
                      const next = [...order]
                      ;[next[i], next[to]] = [next[to]!, next[i]!]
                      set(q.id, next)
                    }
                    return (
                      <li key={id}>
                        <span>{text}</span>
                        <button type="button" className="button small" disabled={i === 0} onClick={() => move(i - 1)} aria-label={`${t('moveUp')}: ${text}`}>
                          ↑
                        </button>
                        <button type="button" className="button small" disabled={i === order.length - 1} onClick={() => move(i + 1)} aria-label={`${t('moveDown')}: ${text}`}>
                          ↓
                        </button>
                      </li>
                    )
                  })}
                </ol>
              )}
              {o && (
                <p className="explanation" data-correct={o.correct} role="status">
                  <strong>{o.correct ? `✓ ${t('correct')}` : `✗ ${t('incorrect')} — ${o.answer}`}</strong>
                  <br />
                  {o.explanation}
                </p>
              )}
            </fieldset>
          )
        })}
        {error && (
          <p className="error" role="alert">
            {t('unavailable')}
          </p>
        )}
        {result ? (
          <p>
            <strong role="status">{t('score', { correct: result.correct, total: result.total })}</strong>{' '}
            <button type="button" className="button small" onClick={() => setResult(null)}>
              {t('retry')}
            </button>
          </p>
        ) : (
          <button type="submit" className="button primary" disabled={pending}>
            {t('submit')}
          </button>
        )}
      </form>
      {dialog}
    </section>
  )
}
