'use client'
import Link from 'next/link'
import { useSitePathname } from './useSitePathname'
import type { ReactNode } from 'react'

/** A header link that says when it leads to the page being shown (or a page under it). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = useSitePathname()
  const current = pathname === href || pathname.startsWith(`${href}/`)
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  )
}
