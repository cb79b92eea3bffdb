/** What no learner should read in a diagnostic (messages.test.ts, course-edits.test.ts). */
import type { Diagnostic } from '../k8s/types.ts'

export const UNREADABLE = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/g
export const PLACEHOLDER_PARTICLE = /이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|\(으\)로|과\(와\)|와\(과\)/

export interface Seen {
  d: Diagnostic
  from: string
  /** the text validated, when known: a YAML error may quote what the learner wrote, `null` included */
  input?: string
}

/** Up to five offending texts (message, hint.en, hint.ko), with where they came from. */
export function offenders(diagnostics: Iterable<Seen>): string[] {
  const out: string[] = []
  for (const { d, from, input } of diagnostics) {
    for (const [what, text] of [
      ['message', d.message],
      ['hint.en', d.hint.en],
      ['hint.ko', d.hint.ko],
    ] as const) {
      const leaked = [...text.matchAll(UNREADABLE)].some((m) => m[0] === '[object Object]' || !input?.includes(m[0]))
      if (leaked || PLACEHOLDER_PARTICLE.test(text)) out.push(`${from} (${d.field || d.type}) ${what}: ${text}`)
    }
    if (out.length >= 5) break
  }
  return out
}
