import { notFound } from 'next/navigation'
import { connection } from 'next/server'

/**
 * Any address no page answers: proxy.ts rewrites every page request into app/[locale]/, so the "not found" page
 * with the site's header and language comes from here. Rendered per request (a nonce), never cached.
 */
export default async function Missing() {
  await connection()
  notFound()
}
