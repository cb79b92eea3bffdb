/** Which semantic rules apply to which kind (the per-kind Validate* functions of the API server). */
import { FieldPath } from '../field-path.ts'
import { IssueList } from '../field-errors.ts'
import type { JsonObject } from '../object-access.ts'
import type { SupportedKind, UnsimulatedKind } from '../types.ts'
import { validateConfigMapObject, validateUnsimulatedKind } from './unsimulated-kinds.ts'
import { validateObjectMeta } from './object-meta.ts'
import { validatePodSpec } from './pod-spec.ts'
import { validateService } from './service.ts'
import { validateWorkload } from './workloads.ts'

/** Semantic validation of a decoded, defaulted object of a supported kind. */
export function validateKindRules(kind: SupportedKind | UnsimulatedKind, obj: JsonObject): IssueList {
  const out = new IssueList()
  const root = FieldPath.root()
  const metadata = root.child('metadata')
  const spec = root.child('spec')
  switch (kind) {
    case 'Pod':
      validateObjectMeta(obj.metadata, metadata, { kind, nameRule: 'subdomain', namespaced: true }, out)
      validatePodSpec(obj.spec, spec, { template: false }, out)
      break
    case 'Deployment':
    case 'ReplicaSet':
      validateObjectMeta(obj.metadata, metadata, { kind, nameRule: 'subdomain', namespaced: true }, out)
      validateWorkload(kind, obj.spec, spec, out)
      break
    case 'Service':
      validateObjectMeta(obj.metadata, metadata, { kind, nameRule: 'dns1035', namespaced: true }, out)
      validateService(obj.spec, spec, out)
      break
    case 'Namespace':
      validateObjectMeta(obj.metadata, metadata, { kind, nameRule: 'dns1123label', namespaced: false }, out)
      break
    case 'ConfigMap':
      validateConfigMapObject(obj, out)
      break
    default:
      validateUnsimulatedKind(kind, obj, out)
  }
  return out
}
