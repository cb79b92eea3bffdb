/**
 * Class invite codes: 8 characters a teacher can read aloud or write on a board — no 0/O or 1/I/L to mix up,
 * grouped as ABCD-2345 for reading. Learners may type them in any case, with or without the dash or spaces.
 */
import { randomInt } from 'node:crypto'

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 8

export function generateInviteCode(random: (max: number) => number = randomInt): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += ALPHABET[random(ALPHABET.length)]
  return code
}

/** The stored form of what a learner typed, or null when it cannot be a code. */
export function normalizeInviteCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== INVITE_CODE_LENGTH) return null
  for (const ch of code) if (!ALPHABET.includes(ch)) return null
  return code
}

/** ABCD-2345 */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}
