/** Learner hints for Deployment and ReplicaSet rules. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'

const L = (ko: string, en: string): Localized => ({ ko, en })

function describe(labels: Record<string, string>): string {
  const entries = Object.entries(labels)
  return entries.length === 0 ? '{}' : entries.map(([k, v]) => `${k}=${v}`).join(', ')
}

export const workloadHints = {
  selectorRequired: (kind: string) =>
    L(
      `${kind}에는 spec.selector가 필요합니다. 관리할 Pod를 고르는 레이블을 쓰세요(예: \`selector:\` 아래 \`matchLabels: {app: web}\`). 템플릿의 레이블과 같아야 합니다.`,
      `A ${kind} needs spec.selector, the labels that pick its Pods (e.g. \`matchLabels: {app: web}\` under \`selector:\`). It must match the template's labels.`,
    ),
  selectorEmpty: (kind: string) =>
    L(
      `빈 selector는 클러스터의 모든 Pod를 고르게 되므로 ${kind}에서는 쓸 수 없습니다. matchLabels에 레이블을 하나 이상 쓰세요(예: app: web).`,
      `An empty selector would pick every Pod in the cluster, so a ${kind} may not use it. Put at least one label in matchLabels (e.g. app: web).`,
    ),
  selectorInvalid: L(
    'selector를 해석할 수 없습니다(잘못된 operator나 레이블). 아래의 다른 오류를 먼저 고치세요.',
    'The selector cannot be interpreted (bad operator or label). Fix the other errors reported for it first.',
  ),
  selectorMismatch: (selector: Record<string, string>, templateLabels: Record<string, string>, missing: string[]) =>
    L(
      `spec.selector.matchLabels{{at:spec.selector.matchLabels}}의 ${p(describe(selector), '이/가')} spec.template.metadata.labels{{at:spec.template.metadata.labels}}의 ${p(describe(templateLabels), '과/와')} 맞지 않습니다. ` +
        `${missing.length > 0 ? `템플릿 레이블에 ${p(missing.join(', '), '이/가')} 있어야 합니다. ` : ''}` +
        '두 곳의 레이블을 똑같이 맞추세요(템플릿에는 레이블이 더 있어도 됩니다).',
      `spec.selector.matchLabels{{at:spec.selector.matchLabels}} has ${describe(selector)}, which does not match spec.template.metadata.labels{{at:spec.template.metadata.labels}} with ${describe(templateLabels)}. ` +
        `${missing.length > 0 ? `The template labels need ${missing.join(', ')}. ` : ''}` +
        'Make the labels in both places the same (the template may have extra labels).',
    ),
  nonNegative: (field: string) => L(`${p(field, '은/는')} 0 이상이어야 합니다.`, `${field} must be 0 or more.`),
  progressDeadline: (deadline: number, minReady: number) =>
    L(
      `progressDeadlineSeconds(${deadline})는 minReadySeconds(${minReady})보다 커야 합니다. 그렇지 않으면 Pod가 준비되기도 전에 배포가 실패로 처리됩니다.`,
      `progressDeadlineSeconds (${deadline}) must be greater than minReadySeconds (${minReady}); otherwise the rollout would count as failed before Pods can become available.`,
    ),
  strategyType: (value: string) =>
    L(
      `strategy.type ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. RollingUpdate(기본) 또는 Recreate입니다.`,
      `strategy.type "${value}" is not allowed. Use RollingUpdate (the default) or Recreate.`,
    ),
  recreateWithRollingUpdate: L(
    'type이 Recreate이면 rollingUpdate 설정을 쓸 수 없습니다. rollingUpdate 블록을 지우거나 type을 RollingUpdate로 바꾸세요.',
    'With type Recreate there can be no rollingUpdate settings. Remove the rollingUpdate block or set type to RollingUpdate.',
  ),
  percent: (field: string, value: string) =>
    L(
      `${field}의 ${p(`"${value}"`, '은/는')} 올바른 값이 아닙니다. 정수(예: 1) 또는 숫자 뒤에 %를 붙인 문자열(예: "25%")을 쓰세요.`,
      `"${value}" is not valid for ${field}. Use a whole number (e.g. 1) or a number followed by % (e.g. "25%").`,
    ),
  over100: (value: string) =>
    L(`${p(`maxUnavailable ${value}`, '은/는')} 100%를 넘을 수 없습니다.`, `maxUnavailable ${value} cannot be more than 100%.`),
  bothZero: L(
    'maxSurge와 maxUnavailable이 모두 0이면 롤링 업데이트가 한 걸음도 나아갈 수 없습니다. 둘 중 하나를 1 이상(또는 "25%" 같은 비율)으로 하세요.',
    'With both maxSurge and maxUnavailable at 0 a rolling update cannot make progress. Set one of them to at least 1 (or a percentage like "25%").',
  ),
}
