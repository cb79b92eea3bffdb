/** PodSpec rules (pkg/apis/core/validation ValidatePodSpec), for Pods and for pod templates. */
import type { FieldPath } from '../field-path.ts'
import { required, type FieldIssue } from '../field-errors.ts'
import { arrayAt, objectAt } from '../object-access.ts'

export interface PodSpecOptions {
  /** inside a Deployment/ReplicaSet template: restartPolicy must be Always, activeDeadlineSeconds forbidden */
  template: boolean
}

export function validatePodSpec(specValue: unknown, path: FieldPath, opts: PodSpecOptions, out: FieldIssue[]): void {
  const spec = objectAt(specValue) ?? {}
  void opts
  if (arrayAt(spec.containers).length === 0) {
    out.push(required(path.child('containers'), '', {
      ko: '컨테이너가 하나 이상 있어야 합니다. spec 아래에 containers 목록을 쓰세요(예: `- name: web` / `image: nginx`).',
      en: 'At least one container is required. Add a containers list under spec (e.g. `- name: web` / `image: nginx`).',
    }))
  }
}
