'use client'
import Link from 'next/link'
import { useSearchParams } from 'next/navigation'
import { useSitePathname } from './useSitePathname'
import { Suspense } from 'react'
import { authHref } from '@/lib/text/safe-redirect'

interface Labels {
  signIn: string
  signUp: string
}

/** The page to come back to: this one, or on the sign-in and sign-up pages the one they will return to. */
function useReturnPath(): string | null {
  const pathname = useSitePathname()
  const search = useSearchParams()
  if (pathname === '/signin' || pathname === '/signup') return search.get('next')
  const query = search.toString()
  return query ? `${pathname}?${query}` : pathname
}

function Links({ labels, next }: { labels: Labels; next: string | null }) {
  return (
    <>
      <Link className="button small" href={authHref('/signin', next)} data-testid="header-sign-in">
        {labels.signIn}
      </Link>
      <Link className="button small primary" href={authHref('/signup', next)} data-testid="header-sign-up">
        {labels.signUp}
      </Link>
    </>
  )
}

function ReturningLinks({ labels }: { labels: Labels }) {
  return <Links labels={labels} next={useReturnPath()} />
}

/** Sign in and sign up, each carrying `?next=` so the learner lands back where they were. */
export function AuthLinks(labels: Labels) {
  return (
    <Suspense fallback={<Links labels={labels} next={null} />}>
      <ReturningLinks labels={labels} />
    </Suspense>
  )
}
