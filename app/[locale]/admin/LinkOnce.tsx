'use client'
import { useTranslations } from 'next-intl'
import { CopyButton } from '@/components/teach/CopyButton'

/** A link made by an action (an invitation, a password reset): shown once, to copy, with what it is for. */
export function LinkOnce({ link, text, testId }: { link: string; text: string; testId: string }) {
  const t = useTranslations('admin')
  return (
    <div className="link-once" role="status">
      <p>{text}</p>
      <div className="link-once-row">
        <input
          type="text"
          readOnly
          value={link}
          aria-label={t('copyLink')}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={link} label={t('copyLink')} copiedLabel={t('copied')} />
      </div>
    </div>
  )
}
