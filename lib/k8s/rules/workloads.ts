/** Deployment and ReplicaSet spec rules (pkg/apis/apps/validation). */
import type { FieldPath } from '../field-path.ts'
import type { FieldIssue } from '../field-errors.ts'
import { objectAt } from '../object-access.ts'
import { validatePodSpec } from './pod-spec.ts'

export function validateWorkload(kind: 'Deployment' | 'ReplicaSet', specValue: unknown, path: FieldPath, out: FieldIssue[]): void {
  const spec = objectAt(specValue) ?? {}
  void kind
  validatePodSpec(objectAt(spec.template)?.spec, path.child('template').child('spec'), { template: true }, out)
}
