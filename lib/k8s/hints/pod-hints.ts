/** Learner hints for pod spec and container rules. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'
import { shown } from './shown.ts'

const L = (ko: string, en: string): Localized => ({ ko, en })

export const podHints = {
  containersRequired: L(
    '컨테이너가 하나 이상 있어야 합니다. spec 아래에 containers 목록을 쓰세요(예: `- name: web` 다음 줄에 `image: nginx`).',
    'At least one container is required. Add a containers list under spec (e.g. `- name: web` with `image: nginx` below it).',
  ),
  containerNameRequired: L('각 컨테이너에는 name이 필요합니다(예: `- name: web`).', 'Every container needs a name (e.g. `- name: web`).'),
  containerNameDuplicate: (name: string) =>
    L(
      `컨테이너 이름 ${p(`"${name}"`, '이/가')} 이 Pod 안에서 두 번 쓰였습니다. 컨테이너 이름은 Pod 안에서(initContainers 포함) 서로 달라야 합니다.`,
      `The container name "${name}" is used twice in this Pod. Container names must be unique within a Pod (init containers included).`,
    ),
  containerName: L('컨테이너 이름', 'The container name'),
  imageRequired: L(
    '컨테이너에 image가 없습니다. 실행할 이미지를 쓰세요(예: `image: nginx:1.27`).',
    'The container has no image. Write the image to run (e.g. `image: nginx:1.27`).',
  ),
  imageWhitespace: (image: string) =>
    L(
      `이미지 "${image}"의 앞이나 뒤에 공백이 있습니다. 공백을 지우세요.`,
      `The image "${image}" has leading or trailing spaces. Remove them.`,
    ),
  containerPortRequired: L(
    'ports 항목에는 containerPort(1–65535)가 필요합니다(예: `- containerPort: 80`).',
    'A ports entry needs a containerPort between 1 and 65535 (e.g. `- containerPort: 80`).',
  ),
  portRange: (what: string, value: unknown) =>
    L(
      `${p(`${what} ${shown(value)}`, '은/는')} 포트 번호 범위(1–65535)를 벗어납니다.`,
      `${what} ${shown(value)} is outside the port range 1–65535.`,
    ),
  portName: (name: string) =>
    L(
      `포트 이름 ${p(`"${name}"`, '이/가')} 규칙에 맞지 않습니다. 15자 이하의 소문자·숫자·"-"만 쓰고, 글자를 하나 이상 포함하며, "-"로 시작/끝나거나 "--"를 쓰면 안 됩니다(예: http, web-8080).`,
      `The port name "${name}" breaks the rules: up to 15 lower-case letters, digits and "-", at least one letter, no leading/trailing "-" and no "--" (e.g. http, web-8080).`,
    ),
  portNameDuplicate: (name: string) =>
    L(
      `포트 이름 ${p(`"${name}"`, '이/가')} 이 컨테이너에서 두 번 쓰였습니다. 이름을 다르게 하세요.`,
      `The port name "${name}" is used twice in this container. Give each port its own name.`,
    ),
  hostPortDuplicate: (value: string) =>
    L(
      `${p(`hostPort ${value}`, '을/를')} 두 곳에서 씁니다. 한 노드의 같은 포트는 하나만 쓸 수 있습니다.`,
      `hostPort ${value} is used twice; a node port can be bound only once.`,
    ),
  protocol: (value: string) =>
    L(
      `프로토콜 ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. TCP, UDP, SCTP 중 하나입니다(HTTP는 프로토콜이 아닙니다 — TCP를 쓰거나 줄을 지우세요).`,
      `Protocol "${value}" is not allowed. Use TCP, UDP or SCTP (HTTP is not a protocol here — use TCP or remove the line).`,
    ),
  restartPolicy: (value: string) =>
    L(
      `restartPolicy ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. Always, OnFailure, Never 중 하나를 쓰세요.`,
      `restartPolicy "${value}" is not allowed. Use Always, OnFailure or Never.`,
    ),
  templateRestartPolicy: (value: string) =>
    L(
      `Deployment와 ReplicaSet의 Pod는 항상 다시 시작되어야 하므로 restartPolicy는 Always만 됩니다("${value}" 불가). 줄을 지우면 Always가 기본값입니다.`,
      `Pods of a Deployment or ReplicaSet must always be restarted, so restartPolicy can only be Always (not "${value}"). Remove the line: Always is the default.`,
    ),
  templateActiveDeadline: L(
    'Deployment/ReplicaSet 템플릿에는 activeDeadlineSeconds를 쓸 수 없습니다. 그 줄을 지우세요.',
    'activeDeadlineSeconds is not allowed in a Deployment/ReplicaSet template. Remove that line.',
  ),
  dnsPolicy: (value: string) =>
    L(
      `dnsPolicy ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. ClusterFirst(기본), ClusterFirstWithHostNet, Default, None 중 하나입니다.`,
      `dnsPolicy "${value}" is not allowed. Use ClusterFirst (the default), ClusterFirstWithHostNet, Default or None.`,
    ),
  pullPolicy: (value: string) =>
    L(
      `imagePullPolicy ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. Always, IfNotPresent, Never 중 하나입니다(대소문자 구분).`,
      `imagePullPolicy "${value}" is not allowed. Use Always, IfNotPresent or Never (case-sensitive).`,
    ),
  nonNegative: (field: string) => L(`${p(field, '은/는')} 0 이상이어야 합니다.`, `${field} must be 0 or more.`),
  activeDeadline: L('activeDeadlineSeconds는 1 이상이어야 합니다.', 'activeDeadlineSeconds must be at least 1.'),
  quantityNegative: (field: string) => L(`${field}의 자원 양은 음수일 수 없습니다.`, `The amount in ${field} cannot be negative.`),
  resourceName: (name: string) =>
    L(
      `${p(`"${name}"`, '은/는')} 컨테이너 자원 이름이 아닙니다. cpu, memory, ephemeral-storage를 쓰세요(복수형 cpus나 mem이 아닙니다).`,
      `"${name}" is not a container resource name. Use cpu, memory or ephemeral-storage (not cpus or mem).`,
    ),
  requestOverLimit: (resource: string, request: string, limit: string) =>
    L(
      `${resource} 요청(requests: ${request})이 제한(limits: ${limit})보다 큽니다. 요청은 제한 이하여야 합니다 — 요청을 줄이거나 제한을 늘리세요.`,
      `The ${resource} request (requests: ${request}) is larger than the limit (limits: ${limit}). A request must be at most the limit — lower the request or raise the limit.`,
    ),
  probeHandlerRequired: L(
    '프로브에는 검사 방법이 하나 필요합니다: httpGet, tcpSocket, exec, grpc 중 하나를 쓰세요.',
    'A probe needs one check: write one of httpGet, tcpSocket, exec or grpc.',
  ),
  probeHandlerTooMany: L(
    '프로브에는 검사 방법을 하나만 쓸 수 있습니다(httpGet, tcpSocket, exec, grpc 중 하나). 나머지를 지우세요.',
    'A probe can have only one check (one of httpGet, tcpSocket, exec, grpc). Remove the others.',
  ),
  probeSuccessThreshold: L(
    'livenessProbe와 startupProbe의 successThreshold는 1이어야 합니다. 줄을 지우면 기본값 1이 됩니다.',
    'successThreshold of a livenessProbe or startupProbe must be 1. Remove the line to get the default 1.',
  ),
  spreadMaxSkew: L(
    'maxSkew는 1 이상이어야 합니다. 도메인(노드, 영역) 사이에 허용할 Pod 수의 차이입니다.',
    'maxSkew must be at least 1: it is how many more Pods one domain (node, zone) may have than another.',
  ),
  spreadTopologyKey: L(
    'topologyKey에 도메인을 나눌 노드 레이블을 쓰세요(예: `kubernetes.io/hostname`).',
    'Give topologyKey the node label that divides the domains (e.g. `kubernetes.io/hostname`).',
  ),
  spreadAction: (value: string) =>
    L(
      `whenUnsatisfiable에는 ${p('DoNotSchedule', '이나/나')} ScheduleAnyway만 쓸 수 있습니다.${value ? ` ${p(`"${value}"`, '은/는')} 쓸 수 없습니다.` : ''}`,
      `whenUnsatisfiable is DoNotSchedule or ScheduleAnyway${value ? `, not "${value}"` : ''}.`,
    ),
  spreadRepeated: L(
    '같은 topologyKey와 whenUnsatisfiable 조합을 두 번 쓸 수 없습니다. 둘 중 하나를 지우세요.',
    'The same topologyKey and whenUnsatisfiable pair may appear only once: remove one of them.',
  ),
  spreadMinDomains: L(
    'minDomains는 1 이상이고, whenUnsatisfiable이 DoNotSchedule일 때만 쓸 수 있습니다.',
    'minDomains must be at least 1, and only goes with whenUnsatisfiable: DoNotSchedule.',
  ),
  nodeSelectorTerms: L(
    'nodeSelectorTerms에 조건(`matchExpressions`)을 하나 이상 쓰세요. 조건이 없으면 Pod가 갈 수 있는 노드가 없습니다.',
    'Write at least one term (`matchExpressions`) under nodeSelectorTerms; with none, no node would do.',
  ),
  sleepSeconds: (grace: number) =>
    L(
      `sleep 훅의 seconds는 0 이상이고 Pod의 terminationGracePeriodSeconds(${grace}초) 이하여야 합니다. 더 오래 기다리려면 terminationGracePeriodSeconds를 함께 늘리세요.`,
      `A sleep hook's seconds must be at least 0 and at most the Pod's terminationGracePeriodSeconds (${grace} s). To wait longer, raise terminationGracePeriodSeconds too.`,
    ),
  probeGrace: L(
    '프로브의 terminationGracePeriodSeconds는 1 이상이어야 합니다.',
    "A probe's terminationGracePeriodSeconds must be at least 1.",
  ),
  execCommand: L(
    'exec에는 실행할 command 목록이 필요합니다(예: `command: ["cat", "/tmp/healthy"]`).',
    'exec needs a command list (e.g. `command: ["cat", "/tmp/healthy"]`).',
  ),
  httpScheme: (value: string) =>
    L(`scheme ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. HTTP 또는 HTTPS입니다.`, `scheme "${value}" is not allowed. Use HTTP or HTTPS.`),
  httpPath: L('httpGet에는 path가 필요합니다(예: `path: /healthz`).', 'httpGet needs a path (e.g. `path: /healthz`).'),
  probePort: (value: unknown) =>
    L(
      `프로브 포트 ${p(shown(value), '이/가')} 올바르지 않습니다. 1–65535의 숫자나 컨테이너 ports에 정의한 포트 이름을 쓰세요.`,
      `The probe port ${shown(value)} is invalid. Use a number 1–65535 or the name of a port defined in the container's ports.`,
    ),
  containerRestartPolicy: L(
    '일반 컨테이너에는 restartPolicy를 쓸 수 없습니다(재시작 정책은 spec.restartPolicy에서 정합니다). 그 줄을 지우세요.',
    'A regular container may not set restartPolicy (the Pod-level spec.restartPolicy decides). Remove that line.',
  ),
  initContainerProbe: (field: string) =>
    L(
      `initContainers에는 ${p(field, '을/를')} 쓸 수 없습니다(restartPolicy: Always인 사이드카만 가능). 그 줄을 지우세요.`,
      `Init containers may not set ${field} (only sidecars with restartPolicy: Always can). Remove it.`,
    ),
  volumeMountNotFound: (name: string) =>
    L(
      `volumeMounts가 ${p(`"${name}"`, '이라는/라는')} 볼륨을 가리키지만, spec.volumes에 그런 이름의 볼륨이 없습니다. spec.volumes에 추가하거나 이름을 맞추세요.`,
      `volumeMounts refers to a volume "${name}", but spec.volumes has no volume with that name. Add it to spec.volumes or fix the name.`,
    ),
  volumeMountNameRequired: L('volumeMounts의 각 항목에는 name이 필요합니다.', 'Each volumeMounts entry needs a name.'),
  mountPathRequired: L(
    'volumeMounts의 각 항목에는 mountPath가 필요합니다(예: `mountPath: /data`).',
    'Each volumeMounts entry needs a mountPath (e.g. `mountPath: /data`).',
  ),
  mountPathUnique: (path: string) =>
    L(
      `mountPath "${path}"에 두 개를 마운트했습니다. 경로는 서로 달라야 합니다.`,
      `Two mounts use mountPath "${path}". Each mount needs its own path.`,
    ),
  volumeNameRequired: L('각 볼륨에는 name이 필요합니다.', 'Every volume needs a name.'),
  volumeName: L('볼륨 이름', 'The volume name'),
  volumeDuplicate: (name: string) =>
    L(`볼륨 이름 ${p(`"${name}"`, '이/가')} 두 번 쓰였습니다.`, `The volume name "${name}" is used twice.`),
  volumeTypeTooMany: L('볼륨 하나에는 종류를 하나만 쓸 수 있습니다.', 'A volume can have only one type.'),
  envNameRequired: L('env의 각 항목에는 name이 필요합니다(예: `- name: MODE`).', 'Each env entry needs a name (e.g. `- name: MODE`).'),
  envName: (name: string) =>
    L(
      `환경 변수 이름 "${name}"에는 "="나 출력할 수 없는 문자를 쓸 수 없습니다.`,
      `The environment variable name "${name}" may not contain "=" or non-printable characters.`,
    ),
  envValueAndFrom: L('env 항목에는 value와 valueFrom 중 하나만 쓰세요.', 'An env entry takes either value or valueFrom, not both.'),
  envValueFromSourceRequired: L(
    'valueFrom에는 값을 가져올 곳을 하나 쓰세요: fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef 중 하나입니다.',
    'valueFrom needs a source: one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.',
  ),
  envValueFromOneSource: L(
    'valueFrom에는 값을 가져올 곳을 하나만 쓸 수 있습니다. 나머지를 지우세요.',
    'valueFrom takes exactly one source. Remove the others.',
  ),
  envFromSourceRequired: L(
    'envFrom 항목에는 configMapRef나 secretRef 중 하나를 쓰세요(예: `- configMapRef: {name: app-config}`).',
    'An envFrom entry needs configMapRef or secretRef (e.g. `- configMapRef: {name: app-config}`).',
  ),
  readinessProbeGrace: L(
    'readinessProbe에는 terminationGracePeriodSeconds를 쓸 수 없습니다(준비 상태 검사는 컨테이너를 멈추지 않습니다). 그 줄을 지우세요.',
    'A readinessProbe may not set terminationGracePeriodSeconds (readiness never stops the container). Remove that line.',
  ),
  fieldPathRequired: L(
    'fieldRef에는 fieldPath가 필요합니다(예: `fieldPath: metadata.name`).',
    'fieldRef needs a fieldPath (e.g. `fieldPath: metadata.name`).',
  ),
  fieldRefApiVersion: (apiVersion: string) =>
    L(
      `fieldRef의 apiVersion은 v1이어야 합니다(${shown(apiVersion)} 불가). 그 줄을 지우면 v1이 기본값입니다.`,
      `A fieldRef's apiVersion must be v1 (not ${shown(apiVersion)}). Remove that line: v1 is the default.`,
    ),
  envFieldPath: (fieldPath: string) =>
    L(
      `환경 변수에는 ${p(shown(fieldPath), '을/를')} 넣을 수 없습니다. metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP 중 하나나 metadata.labels['키'], metadata.annotations['키']를 쓰세요.`,
      `An environment variable cannot take ${shown(fieldPath)}. Use one of metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, or metadata.labels['key'] / metadata.annotations['key'].`,
    ),
  fieldPathKey: (key: string) =>
    L(
      `['…'] 안의 키 ${p(shown(key), '은/는')} 레이블 키 규칙에 맞지 않습니다(예: app, example.com/tier).`,
      `The key ${shown(key)} inside ['…'] is not a valid label key (e.g. app, example.com/tier).`,
    ),
  resourceFieldRefResource: (resource: string) =>
    L(
      `resourceFieldRef의 resource에는 ${resource === '' ? '값이 필요합니다' : `${p(shown(resource), '을/를')} 쓸 수 없습니다`}. limits.cpu, limits.memory, requests.cpu, requests.memory 같은 값을 쓰세요.`,
      `${resource === '' ? 'resourceFieldRef needs a resource' : `resourceFieldRef cannot name ${shown(resource)}`}. Use a value such as limits.cpu, limits.memory, requests.cpu or requests.memory.`,
    ),
  keyRefName: (name: string) =>
    L(
      `가져올 ConfigMap/Secret 이름 ${p(shown(name), '이/가')} 올바르지 않습니다. 소문자·숫자·"-"·"."로 된 이름을 쓰세요(예: app-config).`,
      `The ConfigMap/Secret name ${shown(name)} is invalid. Use lower-case letters, digits, "-" and "." (e.g. app-config).`,
    ),
  keyRefKeyRequired: L(
    'configMapKeyRef와 secretKeyRef에는 가져올 key가 필요합니다(예: `key: LOG_LEVEL`).',
    'configMapKeyRef and secretKeyRef need the key to read (e.g. `key: LOG_LEVEL`).',
  ),
  subPathAbsolute: (subPath: string) =>
    L(
      `subPath ${p(shown(subPath), '은/는')} 볼륨 안의 상대 경로여야 합니다. 맨 앞의 "/"를 지우세요(예: html).`,
      `subPath ${shown(subPath)} must be a path inside the volume, relative to it. Remove the leading "/" (e.g. html).`,
    ),
  subPathBacksteps: (subPath: string) =>
    L(
      `subPath ${p(shown(subPath), '은/는')} ".."로 볼륨 밖을 가리킵니다. 볼륨 안의 경로만 쓸 수 있습니다.`,
      `subPath ${shown(subPath)} uses ".." to leave the volume. Only paths inside the volume are allowed.`,
    ),
  subPathExprExclusive: L(
    'subPath와 subPathExpr는 함께 쓸 수 없습니다. 하나만 남기세요.',
    'subPath and subPathExpr cannot be used together. Keep one.',
  ),
  hostNetworkPort: (hostPort: number, containerPort: number) =>
    L(
      `hostNetwork: true인 Pod는 노드의 네트워크를 그대로 쓰므로 hostPort가 containerPort(${containerPort})와 같아야 합니다(${hostPort} 불가). hostPort 줄을 지우면 containerPort 값이 됩니다.`,
      `A Pod with hostNetwork: true uses the node's network, so hostPort must equal containerPort (${containerPort}), not ${hostPort}. Remove the hostPort line and it takes the containerPort.`,
    ),
  tolerationOperator: (v: string) =>
    L(
      `toleration operator ${p(`"${v}"`, '은/는')} 쓸 수 없습니다. Equal 또는 Exists입니다.`,
      `Toleration operator "${v}" is not allowed. Use Equal or Exists.`,
    ),
  tolerationEffect: (v: string) =>
    L(
      `toleration effect ${p(`"${v}"`, '은/는')} 쓸 수 없습니다. NoSchedule, PreferNoSchedule, NoExecute 중 하나입니다.`,
      `Toleration effect "${v}" is not allowed. Use NoSchedule, PreferNoSchedule or NoExecute.`,
    ),
  tolerationExistsValue: L('operator가 Exists이면 value를 비워야 합니다.', 'With operator Exists the value must be empty.'),
  tolerationSeconds: L(
    'tolerationSeconds는 effect가 NoExecute일 때만 쓸 수 있습니다.',
    'tolerationSeconds is only allowed with effect NoExecute.',
  ),
  referencedName: (field: 'nodeName' | 'priorityClassName' | 'runtimeClassName') =>
    ({
      nodeName: L('노드 이름', 'The node name'),
      priorityClassName: L('PriorityClass 이름', 'The PriorityClass name'),
      runtimeClassName: L('RuntimeClass 이름', 'The RuntimeClass name'),
    })[field],
  hostAliasName: L('hostAliases의 호스트 이름', 'The hostAliases host name'),
  securityId: (field: string, id: number) =>
    L(
      `${p(field, '은/는')} 0부터 2147483647 사이의 숫자여야 합니다(${id} 불가).`,
      `${field} must be a number from 0 to 2147483647 (not ${id}).`,
    ),
  dnsNoneNeedsConfig: L(
    'dnsPolicy가 None이면 DNS 설정을 직접 써야 합니다. dnsConfig.nameservers에 DNS 서버 IP를 하나 이상 쓰세요(예: `nameservers: [10.96.0.10]`).',
    'With dnsPolicy None you configure DNS yourself: list at least one DNS server IP under dnsConfig.nameservers (e.g. `nameservers: [10.96.0.10]`).',
  ),
  dnsNameserversTooMany: L(
    'dnsConfig.nameservers에는 DNS 서버를 3개까지만 쓸 수 있습니다.',
    'dnsConfig.nameservers takes at most 3 DNS servers.',
  ),
  dnsOptionName: L(
    'dnsConfig.options의 각 항목에는 name이 필요합니다(예: `- name: ndots`).',
    'Each dnsConfig.options entry needs a name (e.g. `- name: ndots`).',
  ),
  ipAddress: (ip: string) =>
    L(`${p(shown(ip), '은/는')} IP 주소가 아닙니다(예: 10.9.8.7).`, `${shown(ip)} is not an IP address (e.g. 10.9.8.7).`),
  ephemeralContainers: L(
    'ephemeralContainers는 실행 중인 Pod에 `kubectl debug`로만 더할 수 있습니다. 매니페스트에서 지우고 일반 containers를 쓰세요.',
    'ephemeralContainers are only added to a running Pod by `kubectl debug`. Remove them from the manifest and use containers.',
  ),
  hostname: (v: string) =>
    L(
      `호스트 이름 ${p(`"${v}"`, '은/는')} 63자 이하의 소문자·숫자·"-"여야 합니다.`,
      `The hostname "${v}" must be up to 63 lower-case letters, digits and "-".`,
    ),
  serviceAccountName: (v: string) =>
    L(`서비스 계정 이름 ${p(`"${v}"`, '이/가')} 올바르지 않습니다.`, `The service account name "${v}" is invalid.`),
}
