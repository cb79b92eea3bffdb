/** What every check sees: the validated submission, the simulated cluster's final state, and the language. */
import type { ManifestObject, ValidationResult } from '../k8s/index.ts'
import type { State } from '../sim/snapshot.ts'
import type { Lang } from './result.ts'

export interface CheckContext {
  lang: Lang
  validation: ValidationResult
  /** The cluster at the end of the scenario; null when the submission could not be applied at all. */
  final: State | null
  findObject(kind: string, name: string): ManifestObject | undefined
  lineOf(kind: string, name: string, path: string): number | null
}

export interface CheckVerdict {
  passed: boolean
  /** Why it failed (or what was seen), appended to the author's message. */
  detail?: string
  line?: number | null
}

export function createContext(lang: Lang, validation: ValidationResult, final: State | null): CheckContext {
  const findObject = (kind: string, name: string) => validation.objects.find((o) => o.kind === kind && o.name === name)
  return {
    lang,
    validation,
    final,
    findObject,
    lineOf(kind, name, path) {
      const object = findObject(kind, name)
      if (!object) return null
      const { line } = object.positionOf(path)
      return line > 0 ? line : null
    },
  }
}
