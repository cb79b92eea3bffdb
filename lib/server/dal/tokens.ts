/**
 * One-time tokens for links (role invitations, password resets): 256 random bits in the link, only their SHA-256
 * in the database, so a copy of the database opens nothing. A hash without a salt is enough here: the token is
 * random and long, not a password someone chose.
 */
import { createHash, randomBytes } from 'node:crypto'

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** What a token in a URL looks like (43 base64url characters); anything else is refused before a query. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
}
