/** What every check sees: the validated submission, the simulated run, and the language. */
import type { ManifestObject, ValidationResult } from '../k8s/index.ts'
import type { ExerciseRun, Moment } from './run-exercise.ts'
import type { Locale } from '../../i18n/locales.ts'
import { resolveCheckPath } from './check-path.ts'

export interface CheckContext {
  lang: Locale
  validation: ValidationResult
  /** The simulated run; null when nothing of the submission could be applied. */
  run: ExerciseRun | null
  moment(name: string | undefined): Moment | null
  findObject(kind: string, name: string): ManifestObject | undefined
  /** The line of a field (a check path: `spec.containers[name=web].image`), or of its nearest parent that is written. */
  lineOf(kind: string, name: string, path: string): number | null
}

export interface CheckVerdict {
  passed: boolean
  /** Why it failed (or what was seen), appended to the author's message. */
  detail?: string
  line?: number | null
}

export function createContext(lang: Locale, validation: ValidationResult, run: ExerciseRun | null): CheckContext {
  const findObject = (kind: string, name: string) => validation.objects.find((o) => o.kind === kind && o.name === name)
  return {
    lang,
    validation,
    run,
    moment: (name) => run?.moments.get(name ?? 'end') ?? null,
    findObject,
    lineOf(kind, name, path) {
      const object = findObject(kind, name)
      if (!object) return null
      const { fields, deepest } = resolveCheckPath(object.object, path)
      const { line } = object.positionOf(fields[0]?.path ?? deepest)
      return line > 0 ? line : null
    },
  }
}
