'use client'
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslations } from 'next-intl'
import type { CommentState } from '@/app/[locale]/teach/comment-actions'
import './comments.css'

export interface CommentFormProps {
  /** the server action that stores the comment, from the page (components never import app/) */
  action: (state: CommentState, form: FormData) => Promise<CommentState>
  classId: string
  lessonId: string
  exerciseId: string
  /** the learner of the submission, or every learner of a mistake group */
  learnerIds: string[]
  /** the failing check a mistake group shares (a group comment) */
  checkId?: string
  /** the attempt commented on; without it the comment goes to the group (exercise, check, learners) */
  submissionId?: string
}

const MAX = 2000

/**
 * A teacher's comment to a learner on one attempt, or to everyone of a mistake group. The text is kept while the
 * server answers and after an error (the form is not reset; it clears only once the comment was sent).
 */
export function CommentForm({ action, classId, lessonId, exerciseId, learnerIds, checkId, submissionId }: CommentFormProps) {
  const t = useTranslations('comments.form')
  const [state, formAction, pending] = useActionState<CommentState, FormData>(action, { status: 'idle' })
  const [body, setBody] = useState('')
  const textId = useId()
  const hintId = useId()
  const text = useRef<HTMLTextAreaElement>(null)
  const length = body.replace(/\r\n?/g, '\n').trim().length

  // once a comment was sent the box is emptied for the next one (once per answer, while rendering it)
  const [clearedFor, setClearedFor] = useState<number | undefined>(undefined)
  if (state.status === 'sent' && state.sentAt !== clearedFor) {
    setClearedFor(state.sentAt)
    setBody('')
  }
  useEffect(() => {
    if (state.status === 'error') text.current?.focus()
  }, [state])

  // submitted by hand rather than as <form action>, which would reset the textarea whatever the answer
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => formAction(data))
  }

  const error = state.status === 'error' ? state.error : undefined
  return (
    <form className="form comment-form" onSubmit={submit} data-testid="comment-form">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
      {checkId !== undefined && <input type="hidden" name="checkId" value={checkId} />}
      {submissionId !== undefined && <input type="hidden" name="submissionId" value={submissionId} />}
      {learnerIds.map((id) => (
        <input key={id} type="hidden" name="learnerId" value={id} />
      ))}
      <div className="field">
        <label htmlFor={textId}>{submissionId ? t('labelSubmission') : t('labelGroup', { count: learnerIds.length })}</label>
        <textarea
          ref={text}
          id={textId}
          name="body"
          rows={3}
          value={body}
          readOnly={pending}
          onChange={(e) => setBody(e.target.value)}
          placeholder={t('placeholder')}
          aria-invalid={error !== undefined || length > MAX}
          aria-describedby={hintId}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter sends, as in the workspace
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              e.currentTarget.form?.requestSubmit()
            }
          }}
        />
        <small id={hintId} className={`comment-length${length > MAX ? ' over' : ''}`}>
          {t('length', { length, max: MAX })}
        </small>
      </div>
      <div className="comment-form-actions">
        <button className="button primary" type="submit" disabled={pending}>
          {pending ? t('sending') : t('submit')}
        </button>
        {error && (
          <p className="error" role="alert">
            {t(error, { length: state.length ?? length, max: MAX })}
          </p>
        )}
        <p className="muted" role="status">
          {state.status === 'sent' && !pending ? t('sent') : ''}
        </p>
      </div>
    </form>
  )
}
