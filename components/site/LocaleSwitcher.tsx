'use client'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'

/** `setLocaleAction` is the server action that stores the choice, from the layout. */
export function LocaleSwitcher({
  current,
  label,
  setLocaleAction,
}: {
  current: string
  label: string
  setLocaleAction: (locale: string) => Promise<void>
}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <select
        aria-label={label}
        value={current}
        disabled={pending}
        data-testid="locale-switcher"
        onChange={(e) => {
          const locale = e.target.value
          startTransition(async () => {
            await setLocaleAction(locale)
            router.refresh()
          })
        }}
      >
        <option value="ko">한국어</option>
        <option value="en">English</option>
      </select>
    </label>
  )
}
