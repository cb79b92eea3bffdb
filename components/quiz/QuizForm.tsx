'use client'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { PublicQuiz } from '@/lib/grading/quiz'
import { recordVisitorQuiz } from '@/lib/browser/visitor-work'
import { useConfirm } from '@/components/workspace/ConfirmDialog'
import { unansweredNumbers, type Answer } from './quiz-answers'
import { submitQuiz, type QuizResponse } from './quiz-api'
import { quizGradedEvent, type QuizGradedDetail } from './quiz-events'

/** What a predict-what-happens question shows: the command its demo ran and what it printed, or why it cannot. */
export type ShownOutput = { command: string; output: string; scenario: string } | { missing: string }

type Outcome = QuizResponse['questions'][number]

/** A choice's mark after answering: the right answer, the learner's wrong pick, its `why` under it. */
/** The full feedback: every wrong option of the question with why it is wrong, the learner's own picks marked. */
export function WrongWhys({
  outcome,
  choiceText,
  labels,
}: {
  outcome: Outcome
  choiceText: (id: string) => string
  labels: { summary: string; wrongPick: string }
}) {
  const wrong = outcome.choices?.filter((c) => !c.right && c.why) ?? []
  if (wrong.length === 0) return null
  return (
    <details className="quiz-whys">
      <summary>{labels.summary}</summary>
      <ul>
        {wrong.map((c) => (
          <li key={c.id}>
            <strong>{choiceText(c.id)}</strong>
            {c.chosen ? ` (${labels.wrongPick})` : ''} — {c.why}
          </li>
        ))}
      </ul>
    </details>
  )
}

export function ChoiceFeedback({
  outcome,
  choiceId,
  labels,
}: {
  outcome: Outcome | undefined
  choiceId: string
  labels: { right: string; wrongPick: string; why: string }
}) {
  const c = outcome?.choices?.find((x) => x.id === choiceId)
  if (!c) return null
  return (
    <>
      {c.right && (
        <span className="choice-mark" data-right="true">
          <span aria-hidden="true">✓ </span>
          {labels.right}
        </span>
      )}
      {!c.right && c.chosen && (
        <span className="choice-mark" data-right="false">
          <span aria-hidden="true">✗ </span>
          {labels.wrongPick}
        </span>
      )}
      {!c.right && c.chosen && c.why && (
        <span className="choice-why">
          <strong>{labels.why}</strong> {c.why}
        </span>
      )}
    </>
  )
}

/**
 * `anchorId`: the heading's id (lessons link to `#quiz-ID`); `regionLabel`: the region's name when the heading's is
 * not unique. The studio's side-by-side preview shows the same quiz twice and gives each its own.
 */
export function QuizForm({
  quiz,
  courseId,
  lessonId,
  anchorId = `quiz-${quiz.id}`,
  regionLabel,
  shown = {},
  replays = {},
}: {
  quiz: PublicQuiz
  courseId: string
  lessonId: string
  anchorId?: string
  regionLabel?: string
  /** by question id: the demo output a predict-what-happens question shows */
  shown?: Record<string, ShownOutput>
  /** by demo (scenario id): the demo a question that shows one of its steps replays once answered */
  replays?: Record<string, ReactNode>
}) {
  const t = useTranslations('quiz')
  const lang = useLang()
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      quiz.questions.filter((q) => q.type === 'ordering').map((q) => [q.id, 'choices' in q ? q.choices.map((c) => c.id) : []]),
    ),
  )
  const [result, setResult] = useState<QuizResponse | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState(false)
  const [replaying, setReplaying] = useState<Record<string, boolean>>({})
  const { dialog, confirm } = useConfirm()
  const form = useRef<HTMLFormElement>(null)
  const set = (id: string, value: Answer) => setAnswers((a) => ({ ...a, [id]: value }))

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    const missing = unansweredNumbers(quiz.questions, answers)
    if (missing.length > 0) {
      // The server grades only a complete attempt (its keys would give the rest away), so the quiz sends the
      // learner back to the first open question instead of offering to submit anyway.
      const numbers = new Intl.ListFormat(lang, {
        style: 'long',
        type: 'conjunction',
      }).format(missing.map(String))
      await confirm({
        title: t('unansweredTitle'),
        message: t('unansweredMessage', { count: missing.length, numbers }),
        confirmLabel: t('goToQuestion', { number: missing[0]! }),
      })
      requestAnimationFrame(() =>
        form.current?.querySelectorAll('.quiz-question > fieldset')[missing[0]! - 1]?.querySelector<HTMLElement>('input, button')?.focus(),
      )
      return
    }
    setPending(true)
    setError(false)
    try {
      const graded = await submitQuiz(quiz.id, answers, lang)
      setResult(graded)
      setReplaying({})
      // The workspace's pass panel shows the quiz's score.
      window.dispatchEvent(
        new CustomEvent<QuizGradedDetail>(quizGradedEvent, {
          detail: {
            quizId: quiz.id,
            correct: graded.correct,
            total: graded.total,
            score: graded.score,
          },
        }),
      )
      // A visitor's result stays in this browser until they sign in and import it.
      if (!graded.saved)
        recordVisitorQuiz({
          courseId,
          lessonId,
          quizId: quiz.id,
          answers,
          score: graded.score,
          at: new Date().toISOString(),
        })
    } catch {
      setError(true)
    } finally {
      setPending(false)
    }
  }

  const outcome = (id: string) => result?.questions.find((q) => q.id === id)
  const choiceLabels = {
    right: t('rightChoice'),
    wrongPick: t('wrongPick'),
    why: t('whyWrong'),
  }
  return (
    <section className="quiz" aria-labelledby={regionLabel ? undefined : anchorId} aria-label={regionLabel} data-testid="quiz">
      <h2 id={anchorId}>{t('title')}</h2>
      <form onSubmit={submit} ref={form} noValidate>
        {quiz.questions.map((q, index) => {
          const o = outcome(q.id)
          const name = `${quiz.id}-${q.id}`
          const output = shown[q.id]
          const outputId = `${anchorId}-${q.id}-shows`
          const replay = output && 'scenario' in output ? replays[output.scenario] : undefined
          const choiceText = (id: string) => ('choices' in q ? (q.choices.find((c) => c.id === id)?.text ?? id) : id)
          return (
            <div className="quiz-question" key={q.id}>
              <fieldset disabled={result !== null} aria-describedby={output ? outputId : undefined}>
                <legend>
                  {index + 1}. {q.prompt}
                </legend>
                {output && 'missing' in output && (
                  <p className="error" role="note" id={outputId}>
                    {output.missing}
                  </p>
                )}
                {output && 'output' in output && (
                  <figure className="quiz-shows">
                    <figcaption className="visually-hidden">{t('shownOutput')}</figcaption>
                    <pre className="terminal" tabIndex={0} id={outputId} aria-label={t('shownOutput')}>
                      <span className="prompt">$ </span>
                      {output.command}
                      {'\n'}
                      {output.output}
                    </pre>
                  </figure>
                )}
                {q.type === 'single' &&
                  q.choices.map((c) => (
                    <label key={c.id} data-right={o?.choices?.find((x) => x.id === c.id)?.right}>
                      <input type="radio" name={name} value={c.id} checked={answers[q.id] === c.id} onChange={() => set(q.id, c.id)} />
                      <span className="choice-text">
                        {c.text}
                        <ChoiceFeedback outcome={o} choiceId={c.id} labels={choiceLabels} />
                      </span>
                    </label>
                  ))}
                {q.type === 'multiple' &&
                  q.choices.map((c) => {
                    const chosen = (answers[q.id] as string[] | undefined) ?? []
                    return (
                      <label key={c.id} data-right={o?.choices?.find((x) => x.id === c.id)?.right}>
                        <input
                          type="checkbox"
                          name={name}
                          value={c.id}
                          checked={chosen.includes(c.id)}
                          onChange={(e) => set(q.id, e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                        />
                        <span className="choice-text">
                          {c.text}
                          <ChoiceFeedback outcome={o} choiceId={c.id} labels={choiceLabels} />
                        </span>
                      </label>
                    )
                  })}
                {q.type === 'truefalse' &&
                  ([true, false] as const).map((v) => (
                    <label key={String(v)}>
                      <input type="radio" name={name} checked={answers[q.id] === v} onChange={() => set(q.id, v)} />{' '}
                      {v ? t('true') : t('false')}
                    </label>
                  ))}
                {q.type === 'short' && (
                  <label>
                    <span className="visually-hidden">{t('yourAnswer')}</span>
                    <input
                      type="text"
                      name={name}
                      value={(answers[q.id] as string | undefined) ?? ''}
                      onChange={(e) => set(q.id, e.target.value)}
                      autoComplete="off"
                      spellCheck={false}
                    />
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
                          <button
                            type="button"
                            className="button small"
                            disabled={i === 0}
                            onClick={() => move(i - 1)}
                            aria-label={`${t('moveUp')}: ${text}`}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="button small"
                            disabled={i === order.length - 1}
                            onClick={() => move(i + 1)}
                            aria-label={`${t('moveDown')}: ${text}`}
                          >
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
              {o && <WrongWhys outcome={o} choiceText={choiceText} labels={{ summary: t('allWhys'), wrongPick: t('wrongPick') }} />}
              {o && replay && (
                <div className="quiz-replay">
                  <button
                    type="button"
                    className="button small"
                    aria-expanded={replaying[q.id] === true}
                    onClick={() => setReplaying((r) => ({ ...r, [q.id]: !r[q.id] }))}
                  >
                    {replaying[q.id] ? t('hideReplay') : t('replay')}
                  </button>
                  {replaying[q.id] && replay}
                </div>
              )}
            </div>
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
