'use client'
import { useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import type { PublicQuiz, QuizResult } from '@/lib/grading/quiz'

type Answer = string | boolean | string[]

export function QuizForm({ quiz }: { quiz: PublicQuiz }) {
  const t = useTranslations('quiz')
  const locale = useLocale()
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(quiz.questions.filter((q) => q.type === 'ordering').map((q) => [q.id, 'choices' in q ? q.choices.map((c) => c.id) : []])),
  )
  const [result, setResult] = useState<QuizResult | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState(false)
  const set = (id: string, value: Answer) => setAnswers((a) => ({ ...a, [id]: value }))

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setPending(true)
    setError(false)
    try {
      const response = await fetch(`/api/quizzes/${quiz.id}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers, lang: locale }),
      })
      if (!response.ok) throw new Error(String(response.status))
      setResult((await response.json()) as QuizResult)
    } catch {
      setError(true)
    } finally {
      setPending(false)
    }
  }

  const outcome = (id: string) => result?.questions.find((q) => q.id === id)
  return (
    <section className="quiz" aria-labelledby={`quiz-${quiz.id}`} data-testid="quiz">
      <h2 id={`quiz-${quiz.id}`}>{t('title')}</h2>
      <form onSubmit={submit}>
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
    </section>
  )
}
