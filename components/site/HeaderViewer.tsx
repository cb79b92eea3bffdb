'use client'
import { useTranslations } from 'next-intl'
import { hasRole } from '@/lib/server/auth/roles'
import { VisitorImportOffer } from '@/components/visitor/VisitorImportOffer'
import { AuthLinks } from './AuthLinks'
import { NavLink } from './NavLink'
import { UnreadCommentsBadge } from './UnreadCommentsBadge'
import { useSignedInViewer, useViewer, useViewerRefresh } from './useViewer'

/** The header links only some people have: my progress (signed in), classes (teachers), studio (authors), admin. */
export function ViewerNavLinks() {
  const t = useTranslations('site')
  const ta = useTranslations('admin')
  const viewer = useSignedInViewer()
  return (
    <>
      {viewer && <NavLink href="/progress">{t('nav.progress')}</NavLink>}
      <UnreadCommentsBadge count={viewer?.unreadComments} />
      {hasRole(viewer, ['teacher']) && <NavLink href="/teach">{t('nav.classes')}</NavLink>}
      {hasRole(viewer, ['author']) && <NavLink href="/studio">{t('nav.studio')}</NavLink>}
      {hasRole(viewer, ['admin']) && <NavLink href="/admin">{ta('nav')}</NavLink>}
    </>
  )
}

/**
 * Who is signed in, with the sign-out button, or the sign-in and sign-up links. Pages are the same for everyone
 * (prerendered: ADR 0018), so this is asked in the browser (/api/me); until it answers the place is kept empty
 * rather than showing the sign-in links to someone who is signed in. `signOutAction` is the server action, from the
 * layout.
 */
export function HeaderAccount({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const t = useTranslations('site')
  useViewerRefresh()
  const state = useViewer()
  if (state.status === 'loading') return <div className="header-account" aria-busy="true" data-testid="header-account-loading" />
  const viewer = state.status === 'ready' ? state.viewer : null
  if (!viewer) {
    return (
      <div className="header-account">
        <AuthLinks signIn={t('nav.signIn')} signUp={t('nav.signUp')} />
      </div>
    )
  }
  const who = viewer.name ?? viewer.email ?? ''
  return (
    <div className="header-account">
      <span className="role-badge" data-testid="current-role" title={t('nav.signedInAs', { name: who, role: t(`role.${viewer.role}`) })}>
        <span className="role-name">{who}</span>
        <span className="role-kind">· {t(`role.${viewer.role}`)}</span>
      </span>
      <form
        action={async () => {
          await signOutAction()
          window.location.assign('/')
        }}
      >
        <button className="button small" type="submit">
          {t('nav.signOut')}
        </button>
      </form>
    </div>
  )
}

/** The unread comments badge in the header bar, for a phone whose navigation is folded into the menu. */
export function HeaderCommentsBadge() {
  return <UnreadCommentsBadge count={useSignedInViewer()?.unreadComments} bar />
}

/** Offers a learner who just signed in to add what this browser did before; keyed by account (ask afresh). */
export function SignedInExtras() {
  const viewer = useSignedInViewer()
  return viewer ? <VisitorImportOffer key={viewer.id} /> : null
}
