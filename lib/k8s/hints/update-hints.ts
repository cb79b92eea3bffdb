/** Learner hints for re-applying an object (immutable fields) and for cluster-wide allocation conflicts. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

const L = (ko: string, en: string): Localized => ({ ko, en })

export const updateHints = {
  selectorImmutable: (kind: string) =>
    L(
      `${kind}의 spec.selector는 만든 뒤에는 바꿀 수 없습니다. 원래 selector로 되돌리거나, 정말 바꿔야 한다면 ${p(kind, '을/를')} 삭제하고(kubectl delete) 다시 만드세요.`,
      `A ${kind}'s spec.selector cannot change after creation. Restore the original selector, or if it really must change, delete the ${kind} (kubectl delete) and create it again.`,
    ),
  configMapImmutable: (field: string) =>
    L(
      `immutable: true인 ConfigMap은 ${p(field, '을/를')} 바꿀 수 없습니다. 새 이름으로 ConfigMap을 만들고 Pod가 그것을 가리키게 하거나, 지우고(kubectl delete) 다시 만드세요.`,
      `A ConfigMap with immutable: true cannot change its ${field}. Create a ConfigMap under a new name and point the Pods at it, or delete it (kubectl delete) and create it again.`,
    ),
  nameImmutable: (field: string) => L(`${p(field, '은/는')} 바꿀 수 없습니다.`, `${field} cannot be changed.`),
  podSpecImmutable: (changed: string[]) =>
    L(
      `실행 중인 Pod에서는 컨테이너 이미지 등 몇 가지만 바꿀 수 있습니다. 바뀐 곳: ${changed.join(', ')}. Pod를 지우고 다시 만들거나, Deployment를 쓰면 이런 변경을 롤링 업데이트로 처리합니다.`,
      `A running Pod allows only a few changes, such as container images. Changed: ${changed.join(', ')}. Delete and recreate the Pod — or use a Deployment, which rolls such changes out for you.`,
    ),
  clusterIPImmutable: (from: string, to: string) =>
    L(
      `Service의 clusterIP는 한 번 정해지면 바꿀 수 없습니다(${from} → ${to}). clusterIP 줄을 지우면 기존 IP가 유지됩니다. headless로 바꾸려면 Service를 지우고 다시 만드세요.`,
      `A Service's clusterIP cannot change once set (${from} → ${to}). Remove the clusterIP line to keep the current IP; to make it headless, delete and recreate the Service.`,
    ),
  nodePortTaken: (port: number) =>
    L(
      `${p(`nodePort ${port}`, '은/는')} 이미 다른 Service가 쓰고 있습니다. 다른 번호를 쓰거나 줄을 지워 자동 배정을 받으세요.`,
      `nodePort ${port} is already used by another Service. Pick another number, or remove the line to get one assigned.`,
    ),
  clusterIPTaken: (ip: string) =>
    L(
      `${p(`clusterIP ${ip}`, '은/는')} 이미 다른 Service가 쓰고 있습니다. clusterIP 줄을 지우면 자동으로 배정됩니다.`,
      `clusterIP ${ip} is already used by another Service. Remove the clusterIP line to get one assigned.`,
    ),
  clusterIPRange: (ip: string, cidr: string) =>
    L(
      `${p(`clusterIP ${ip}`, '은/는')} Service IP 대역(${cidr}) 밖입니다. 줄을 지우면 자동으로 배정됩니다.`,
      `clusterIP ${ip} is outside the service IP range ${cidr}. Remove the line to get one assigned.`,
    ),
}
