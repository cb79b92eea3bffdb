/** Learner hints for the document-level checks: is it an object, which apiVersion/kind. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

const SUPPORTED = 'Pod (v1), Service (v1), Namespace (v1), Deployment (apps/v1), ReplicaSet (apps/v1)'
// validated only (`kubelab validate`), not simulated
const VALIDATED =
  'Job (batch/v1), Ingress (networking.k8s.io/v1), PodDisruptionBudget (policy/v1), Secret (v1), ConfigMap (v1), ServiceAccount (v1)'

export const kindHints = {
  notAnObject: {
    ko: '각 YAML 문서는 apiVersion, kind, metadata 필드를 가진 맵이어야 합니다. 목록이나 단일 값으로 시작하지 마세요.',
    en: 'Each YAML document must be a map with apiVersion, kind and metadata fields, not a list or a single value.',
  } satisfies Localized,
  apiVersionMissing: (kind: unknown): Localized => {
    const v = kind === 'Deployment' || kind === 'ReplicaSet' ? 'apps/v1' : 'v1'
    return typeof kind === 'string' && kind !== ''
      ? {
          ko: `apiVersion 필드가 없습니다. ${kind}의 apiVersion은 ${v}입니다. 맨 위에 ${p(`\`apiVersion: ${v}\``, '을/를')} 쓰세요.`,
          en: `The apiVersion field is missing. For a ${kind}, write \`apiVersion: ${v}\` at the top.`,
        }
      : { ko: 'apiVersion 필드가 없습니다. 예: `apiVersion: v1`', en: 'The apiVersion field is missing, e.g. `apiVersion: v1`.' }
  },
  kindMissing: {
    ko: `kind 필드가 없습니다. 만들 오브젝트 종류를 쓰세요: ${SUPPORTED}.`,
    en: `The kind field is missing. Write the kind of object to create: ${SUPPORTED}.`,
  } satisfies Localized,
  noMatch: (kind: string, version: string, suggestion: { kind: string; apiVersion: string } | null, all = false): Localized => {
    if (suggestion && suggestion.kind === kind) {
      return {
        ko: `${p(kind, '은/는')} \`apiVersion: ${version}\`에 없습니다. ${p(`\`apiVersion: ${suggestion.apiVersion}\``, '으로/로')} 바꾸세요.`,
        en: `${kind} does not exist in \`apiVersion: ${version}\`. Change it to \`apiVersion: ${suggestion.apiVersion}\`.`,
      }
    }
    if (suggestion) {
      return {
        ko: `kind는 대소문자를 구분합니다. ${p(`\`kind: ${suggestion.kind}\``, '과/와')} ${p(`\`apiVersion: ${suggestion.apiVersion}\``, '을/를')} 쓰려던 것입니까?`,
        en: `kind is case-sensitive. Did you mean \`kind: ${suggestion.kind}\` (apiVersion: ${suggestion.apiVersion})?`,
      }
    }
    if (all) {
      return {
        ko: `Kubelab이 검사할 수 없는 종류입니다. 검사하는 종류: ${SUPPORTED}, ${VALIDATED}.`,
        en: `Kubelab cannot validate this kind. It validates ${SUPPORTED}, ${VALIDATED}.`,
      }
    }
    return {
      ko: `Kubelab 클러스터가 모르는 종류입니다. 사용할 수 있는 종류: ${SUPPORTED}.`,
      en: `The Kubelab cluster does not know this kind. Available kinds: ${SUPPORTED}.`,
    }
  },
}
