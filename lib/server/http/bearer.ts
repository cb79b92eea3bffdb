import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Whether an Authorization header carries `Bearer <token>` (compared in constant time, whatever the lengths). */
export function bearerMatches(header: string | null, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header ?? '')
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token))
}
