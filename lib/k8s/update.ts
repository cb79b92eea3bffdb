/** Update rules (kubernetes-behaviour.md §1.7): what may not change when an object is applied again. */
import { applyDefaults } from './defaults.ts'
import { toDiagnostic } from './diagnostics.ts'
import { FieldPath } from './field-path.ts'
import { invalid, type FieldIssue } from './field-errors.ts'
import { deepEqual, objectAt, stringAt } from './object-access.ts'
import { NO_SOURCE, type SourceMap } from './source-map.ts'
import type { Diagnostic, KubeObject } from './types.ts'

export interface UpdateOptions {
  /** to give diagnostics the line of the new manifest (ManifestObject.positionOf) */
  source?: SourceMap
  positionOf?: (field: string) => { line: number; column: number }
  document?: number
  file?: string
}

/** Compares the stored (defaulted) object with the new one; [] when the update is allowed. */
export function validateUpdate(previous: KubeObject, next: KubeObject, options: UpdateOptions = {}): Diagnostic[] {
  const issues: FieldIssue[] = []
  const prev = previous as unknown as Record<string, unknown>
  const nxt = applyDefaults(next) as unknown as Record<string, unknown>
  if (prev.kind === 'Deployment' || prev.kind === 'ReplicaSet') {
    const a = objectAt(prev.spec)?.selector
    const b = objectAt(nxt.spec)?.selector
    if (!deepEqual(a, b)) {
      issues.push(invalid(FieldPath.of('spec', 'selector'), b ?? null, 'field is immutable', {
        ko: 'selector는 만든 뒤에는 바꿀 수 없습니다. 원래 selector로 되돌리거나, 오브젝트를 지우고 다시 만드세요.',
        en: 'The selector cannot be changed after creation. Restore the original selector, or delete the object and create it again.',
      }))
    }
  }
  const name = stringAt(objectAt(nxt.metadata)?.name) ?? null
  const source = options.source ?? NO_SOURCE
  return issues.map((i) => {
    const d = toDiagnostic(i, { file: options.file, document: options.document ?? 0, kind: String(nxt.kind ?? ''), name, source })
    if (options.positionOf) Object.assign(d, options.positionOf(d.field))
    return d
  })
}
