/**
 * Text PostgreSQL can store. SQLite keeps any JavaScript string, PostgreSQL refuses a NUL character (U+0000) in
 * text, and both turn a lone surrogate (half of a UTF-16 pair, which JSON can carry as `\ud800`) into U+FFFD,
 * silently changing what was sent. So such text is refused everywhere, the same on both databases: the
 * routes' and actions' zod schemas answer 422 / a form error naming the field (`storableText`), and the DAL
 * checks again before writing (`assertStorable`), so no caller can reach the database with it.
 * JSON columns (quiz answers, grading results) need neither: JSON.stringify escapes both as `\u0000`/`\ud800`.
 */
import { z } from 'zod'

export type UnstorableReason = 'nul' | 'lone_surrogate'

export function unstorableReason(text: string): UnstorableReason | null {
  if (text.includes('\u0000')) return 'nul'
  // in a /u pattern a well-formed pair is one code point, so only a lone half matches
  if (/\p{Cs}/u.test(text)) return 'lone_surrogate'
  return null
}

export const isStorableText = (text: string): boolean => unstorableReason(text) === null

const explain: Record<UnstorableReason, string> = {
  nul: 'contains a NUL character (U+0000), which cannot be stored',
  lone_surrogate: 'contains a lone surrogate (half of a UTF-16 pair, e.g. \\ud800), which is not text',
}

export class UnstorableTextError extends Error {
  constructor(
    readonly field: string,
    readonly reason: UnstorableReason,
  ) {
    super(`${field} ${explain[reason]}`)
  }
}

/** Throws UnstorableTextError naming the first field whose text cannot be stored. */
export function assertStorable(fields: Record<string, string | null | undefined>): void {
  for (const [field, text] of Object.entries(fields)) {
    const reason = typeof text === 'string' ? unstorableReason(text) : null
    if (reason) throw new UnstorableTextError(field, reason)
  }
}

/** A zod refinement for strings that will be stored: the issue is on the field, so a 422 names it. */
export function storableText<T extends z.ZodType<string>>(schema: T) {
  return schema.superRefine((text, ctx) => {
    const reason = unstorableReason(text)
    if (reason) ctx.addIssue({ code: 'custom', message: explain[reason] })
  })
}
