'use client'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { AddCoTeacherState } from '@/app/[locale]/teach/co-teacher-actions'

interface Props {
  action: (state: AddCoTeacherState, form: FormData) => Promise<AddCoTeacherState>
  classId: string
}

/** Adds a teacher by email; a refused address stays in the field with the reason under it. */
export function AddCoTeacherForm({ action, classId }: Props) {
  const t = useTranslations('coteach.add')
  const [state, formAction, pending] = useActionState(action, { error: null })
  return (
    // noValidate: the server's reasons, in the page's language, rather than the browser's own
    <form
      className="form inline-form co-teacher-form"
      action={formAction}
      noValidate
      aria-labelledby="add-teacher-heading"
      data-testid="add-co-teacher"
    >
      <h3 id="add-teacher-heading">{t('heading')}</h3>
      <input type="hidden" name="classId" value={classId} />
      <label>
        {t('email')}
        <input
          type="email"
          name="email"
          required
          maxLength={254}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('placeholder')}
          defaultValue={state.email ?? ''}
          aria-invalid={state.error !== null}
          aria-describedby={state.error ? 'co-teacher-error' : undefined}
        />
      </label>
      <button className="button" type="submit" disabled={pending}>
        {pending ? t('adding') : t('submit')}
      </button>
      {state.error && (
        <p className="error" role="alert" id="co-teacher-error">
          {t(`errors.${state.error}`)}
        </p>
      )}
      {state.added && (
        <p className="co-teacher-added" role="status">
          {t('added', { name: state.added })}
        </p>
      )}
    </form>
  )
}
