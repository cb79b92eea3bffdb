'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import './unread-comments.css'

/**
 * The header's count of comments from teachers not seen yet; it leads to them on My progress. Nothing when none.
 * `bar`: the copy in the header bar that a phone shows while the navigation is folded into the menu.
 */
export function UnreadCommentsBadge({ count, bar = false }: { count: number | null | undefined; bar?: boolean }) {
  const t = useTranslations('comments')
  if (!count || count < 1) return null
  const label = t('badge', { count })
  return (
    <Link
      href="/progress#comments"
      className={bar ? 'comment-badge in-bar' : 'comment-badge'}
      data-testid={bar ? 'unread-comments-bar' : 'unread-comments'}
      title={label}
    >
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24">
        <path fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" d="M4 5h16v11H9l-5 4z" />
      </svg>
      <span className="visually-hidden">{label}</span>
      <span className="comment-badge-count" aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
    </Link>
  )
}
