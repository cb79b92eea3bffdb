'use client'
import { useActionState, useState, useSyncExternalStore } from 'react'
import { useTranslations } from 'next-intl'
import type { DeadlinesState } from '@/app/[locale]/teach/deadline-actions'
import { deadlineChanges, toLocalInput } from '@/lib/classes/deadline-input'
import { useHydrated } from '@/components/use-hydrated'

interface Props {
  action: (state: DeadlinesState, form: FormData) => Promise<DeadlinesState>
  classId: string
  lessons: { id: string; number: number; title: string }[]
  /** the class's due dates as stored, ISO */
  deadlines: { lessonId: string; dueAt: string }[]
}

const subscribeNothing = () => () => {}

/**
 * The class page's due dates (issue 17): one date-time input per lesson of the course, in the teacher's time zone
 * (the browser's), cleared with a button, saved together. Only the lessons changed here are sent, so two teachers of
 * a class editing different lessons do not undo each other. Until the page runs in the browser the inputs are empty
 * and disabled: the server does not know the teacher's time zone.
 */
export function DeadlinesEditor({ action, classId, lessons, deadlines }: Props) {
  const t = useTranslations('deadlines.editor')
  const [state, formAction, pending] = useActionState(action, { status: 'idle' })
  const inBrowser = useHydrated()
  const zone = useSyncExternalStore(
    subscribeNothing,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => '',
  )
  const [edits, setEdits] = useState<Record<string, string>>({})
  const [badInput, setBadInput] = useState<string[]>([])
  const stored = new Map(deadlines.map((d) => [d.lessonId, d.dueAt]))
  const changes = deadlineChanges(
    lessons.map((l) => l.id),
    stored,
    edits,
  )
  const shown = (id: string) => edits[id] ?? (inBrowser ? toLocalInput(stored.get(id)) : '')
  const edit = (id: string, value: string, bad: boolean) => {
    setEdits((e) => ({ ...e, [id]: value }))
    setBadInput((b) => (bad ? [...new Set([...b, id])] : b.filter((x) => x !== id)))
  }
  const firstBad = lessons.find((l) => badInput.includes(l.id))
  const label = (l: Props['lessons'][number]) => `${l.number}. ${l.title}`

  if (lessons.length === 0) return <p className="muted">{t('noLessons')}</p>
  return (
    <form className="deadlines-editor" action={formAction} data-testid="deadlines-editor">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="changes" value={JSON.stringify(changes)} />
      {zone && <p className="muted">{t('timeZone', { zone })}</p>}
      <ol className="deadline-rows">
        {lessons.map((l) => {
          const value = shown(l.id)
          return (
            <li key={l.id} data-changed={changes.some((c) => c.lessonId === l.id) || undefined}>
              <label htmlFor={`due-${l.id}`} className="deadline-lesson">
                {label(l)}
              </label>
              <input
                id={`due-${l.id}`}
                type="datetime-local"
                value={value}
                min="2000-01-01T00:00"
                max="2199-12-31T23:59"
                disabled={!inBrowser}
                aria-invalid={badInput.includes(l.id) || undefined}
                onChange={(e) => edit(l.id, e.currentTarget.value, e.currentTarget.validity.badInput)}
                data-testid={`due-input-${l.id}`}
              />
              <button
                type="button"
                className="button small"
                disabled={!inBrowser || (value === '' && !badInput.includes(l.id))}
                onClick={() => edit(l.id, '', false)}
                aria-label={t('clearFor', { lesson: label(l) })}
              >
                {t('clear')}
              </button>
            </li>
          )
        })}
      </ol>
      {firstBad && (
        <p className="error" role="alert">
          {t('badInput', { lesson: label(firstBad) })}
        </p>
      )}
      {state.status !== 'idle' && state.status !== 'saved' && (
        <p className="error" role="alert" data-testid="deadlines-error">
          {t(state.status)}
        </p>
      )}
      <div className="deadline-actions">
        <button
          className="button primary"
          type="submit"
          disabled={pending || changes.length === 0 || firstBad !== undefined}
          data-testid="save-deadlines"
        >
          {pending ? t('saving') : t('save')}
        </button>
        {(changes.length > 0 || state.status !== 'saved') && <span className="muted">{t('changes', { count: changes.length })}</span>}
        <span role="status" data-testid="deadlines-status">
          {state.status === 'saved' && changes.length === 0 && !pending ? t('saved') : ''}
        </span>
      </div>
    </form>
  )
}
