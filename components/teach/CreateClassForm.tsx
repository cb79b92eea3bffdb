'use client'
import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import type { CreateClassState } from '@/app/[locale]/teach/actions'

interface Props {
  action: (state: CreateClassState, form: FormData) => Promise<CreateClassState>
  courses: { id: string; title: string }[]
}

export function CreateClassForm({ action, courses }: Props) {
  const t = useTranslations('teach.create')
  const [state, formAction, pending] = useActionState(action, { error: null })
  return (
    <form className="form inline-form" action={formAction} aria-labelledby="create-class-heading">
      <label>
        {t('name')}
        <input
          type="text"
          name="name"
          required
          maxLength={80}
          placeholder={t('namePlaceholder')}
          aria-invalid={state.error === 'invalid'}
        />
      </label>
      <label>
        {t('course')}
        <select name="courseId" defaultValue={courses[0]?.id}>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      {state.error && (
        <p className="error" role="alert">
          {t(state.error)}
        </p>
      )}
      <button className="button primary" type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  )
}
