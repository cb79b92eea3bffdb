'use client'
import Link from 'next/link'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { JoinClassState } from '@/app/[locale]/teach/actions'

interface Props {
  action: (state: JoinClassState, form: FormData) => Promise<JoinClassState>
  initialCode: string
}

export function JoinClassForm({ action, initialCode }: Props) {
  const t = useTranslations('teach.join')
  const [state, formAction, pending] = useActionState(action, { error: null })
  if (state.joined) {
    return (
      <div className="notice" role="status">
        <p>{t(state.joined.alreadyMember ? 'already' : 'joined', { name: state.joined.name })}</p>
        <Link className="button primary" href={`/courses/${state.joined.courseId}`}>
          {t('start')}
        </Link>
      </div>
    )
  }
  return (
    <form className="form inline-form" action={formAction}>
      <label>
        {t('code')}
        <input
          type="text"
          name="code"
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCD-2345"
          defaultValue={state.code ?? initialCode}
          aria-invalid={state.error !== null}
          aria-describedby={state.error ? 'join-error' : undefined}
        />
      </label>
      {state.error && (
        <p className="error" role="alert" id="join-error">
          {t(state.error)}
        </p>
      )}
      <button className="button primary" type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  )
}
