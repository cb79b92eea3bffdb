/** What the simulator does instead with a valid field it does not simulate (rules/unsimulated-fields.ts). */
import type { Localized } from '../types.ts'

/** The consequence of ignoring a field, finishing "… is accepted but not simulated here: …". */
export type UnsimulatedFieldEffect =
  | 'preferredScheduling'
  | 'scheduleAnyway'
  | 'priority'
  | 'runtimeClass'
  | 'schedulingGates'
  | 'schedulerName'
  | 'overhead'
  | 'securityContext'
  | 'limits'
  | 'postStart'
  | 'preStopRequest'
  | 'hostPort'
  | 'activeDeadline'
  | 'readinessGates'

const EFFECTS: Record<UnsimulatedFieldEffect, Localized> = {
  preferredScheduling: { ko: '시뮬레이터는 이 필드가 없는 것처럼 스케줄링합니다.', en: 'the simulator schedules as if it were absent.' },
  scheduleAnyway: {
    ko: '시뮬레이터는 이 제약이 없는 것처럼 Pod를 배치합니다(DoNotSchedule 제약만 지킵니다).',
    en: 'the simulator places the pod as if this constraint were absent (it honours DoNotSchedule constraints only).',
  },
  priority: {
    ko: '모든 Pod의 우선순위가 같고, 어떤 Pod도 선점(preemption)으로 밀려나지 않습니다.',
    en: 'every pod has the same priority and no pod is preempted.',
  },
  runtimeClass: {
    ko: '모든 컨테이너가 하나의 시뮬레이션 런타임에서 실행됩니다.',
    en: 'every container runs in the one simulated runtime.',
  },
  schedulingGates: {
    ko: '게이트가 없는 것처럼 Pod를 바로 스케줄링합니다. 실제 클러스터에서는 게이트가 모두 없어질 때까지 SchedulingGated 상태로 기다립니다.',
    en: 'the pod is scheduled at once, as if it had no gates; a real cluster keeps it SchedulingGated until every gate is removed.',
  },
  schedulerName: {
    ko: '기본 스케줄러가 그대로 Pod를 배치합니다. 실제 클러스터에서는 그 이름의 스케줄러가 없으면 Pod가 Pending으로 남습니다.',
    en: 'the default scheduler places the pod anyway; on a real cluster it stays Pending unless a scheduler of that name runs.',
  },
  overhead: { ko: '스케줄링할 때 Pod의 요청량에 더하지 않습니다.', en: "it is not added to the pod's requests when scheduling." },
  securityContext: {
    ko: '사용자, 그룹, 권한(capabilities), 파일 시스템 설정을 적용하지도 검사하지도 않습니다.',
    en: 'no user, group, capability or file-system setting is applied or checked.',
  },
  limits: {
    ko: 'CPU 사용량이 제한(throttling)되지 않습니다. 메모리 제한은 재현됩니다. 넘으면 컨테이너가 OOMKilled로 종료됩니다.',
    en: 'the CPU is never throttled (memory limits are simulated: a container that goes over one is OOMKilled).',
  },
  postStart: {
    ko: 'postStart 훅은 실행되지 않습니다. preStop 훅(sleep, exec)은 실행됩니다.',
    en: 'postStart hooks never run (preStop hooks with sleep or exec do).',
  },
  preStopRequest: {
    ko: 'httpGet이나 tcpSocket으로 쓴 preStop 훅은 보내자마자 끝난 것으로 칩니다. 종료를 늦추려면 sleep이나 exec 훅을 쓰세요.',
    en: 'a preStop hook written as httpGet or tcpSocket counts as done at once; to delay the shutdown, use a sleep or exec hook.',
  },
  hostPort: {
    ko: '노드의 포트가 열리지 않고, 같은 포트를 쓰는 다른 Pod를 막지도 않습니다.',
    en: 'the port is not opened on the node and does not keep other pods off it.',
  },
  activeDeadline: { ko: '실행 시간이 길어져도 Pod가 중지되지 않습니다.', en: 'the pod is never stopped for running too long.' },
  readinessGates: {
    ko: '추가 조건은 무시되고, 컨테이너가 모두 준비되면 Pod도 Ready가 됩니다.',
    en: 'the extra conditions are ignored: the pod is Ready when its containers are.',
  },
}

/** The warning's English message (without the path, like the API server's field errors). */
export function unsimulatedFieldMessage(effect: UnsimulatedFieldEffect): string {
  return `accepted but not simulated here: ${EFFECTS[effect].en}`
}

export function unsimulatedFieldHint(field: string, effect: UnsimulatedFieldEffect): Localized {
  const e = EFFECTS[effect]
  return {
    // "필드" after the path: its particle never depends on how the path's last word is read
    ko: `\`${field}\` 필드는 유효하지만 이 시뮬레이터에서는 아직 재현되지 않습니다. ${e.ko}`,
    en: `\`${field}\` is accepted but not simulated here: ${e.en}`,
  }
}
