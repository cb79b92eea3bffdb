/** Learner hints for Service rules. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'
import { shown } from './shown.ts'

const L = (ko: string, en: string): Localized => ({ ko, en })

export const serviceHints = {
  serviceName: L('Service 이름', 'The Service name'),
  portsRequired: L(
    'Service에는 ports가 하나 이상 필요합니다(예: `ports:` 아래 `- port: 80`). 포트 없는 Service는 clusterIP: None(headless)이나 ExternalName일 때만 됩니다.',
    'A Service needs at least one entry in ports (e.g. `- port: 80` under `ports:`). Only headless (clusterIP: None) and ExternalName Services may have none.',
  ),
  portNameRequired: L(
    '포트가 여러 개이면 모든 포트에 name이 있어야 합니다(예: name: http, name: https).',
    'When a Service has several ports, every port needs a name (e.g. name: http, name: https).',
  ),
  portName: L('포트 이름', 'The port name'),
  portNameDuplicate: (name: string) =>
    L(
      `포트 이름 ${p(`"${name}"`, '이/가')} 두 번 쓰였습니다. 포트마다 다른 이름을 쓰세요.`,
      `The port name "${name}" is used twice. Give each port its own name.`,
    ),
  portRange: (value: unknown) =>
    L(`${p(`port ${shown(value)}`, '은/는')} 1–65535 범위여야 합니다.`, `port ${shown(value)} must be between 1 and 65535.`),
  protocol: (value: string) =>
    L(
      `프로토콜 ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. TCP, UDP, SCTP 중 하나입니다.`,
      `Protocol "${value}" is not allowed. Use TCP, UDP or SCTP.`,
    ),
  targetPort: (value: unknown) =>
    L(
      `targetPort ${p(shown(value), '이/가')} 올바르지 않습니다. 컨테이너 포트 번호(1–65535)나 컨테이너 ports에 정의한 이름을 쓰세요.`,
      `targetPort ${shown(value)} is invalid. Use the container's port number (1–65535) or the name of one of its ports.`,
    ),
  duplicatePort: (port: unknown, protocol: string) =>
    L(
      `같은 포트(${shown(port)}/${protocol})가 두 번 있습니다. 포트 번호를 다르게 하세요.`,
      `The same port (${shown(port)}/${protocol}) is listed twice. Use different port numbers.`,
    ),
  nodePortForbidden: L(
    'type이 ClusterIP인 Service에는 nodePort를 쓸 수 없습니다. nodePort 줄을 지우거나 type: NodePort로 바꾸세요.',
    'A ClusterIP Service cannot have a nodePort. Remove the nodePort line or set type: NodePort.',
  ),
  nodePortRange: (value: number) =>
    L(
      `${p(`nodePort ${value}`, '은/는')} 허용 범위(30000–32767) 밖입니다. 그 범위의 번호를 쓰거나, 줄을 지우면 자동으로 배정됩니다.`,
      `nodePort ${value} is outside the allowed range 30000–32767. Pick a number in that range, or remove the line to get one assigned.`,
    ),
  nodePortDuplicate: (value: number) =>
    L(`${p(`nodePort ${value}`, '을/를')} 이 Service에서 두 번 썼습니다.`, `nodePort ${value} is used twice in this Service.`),
  type: (value: string) =>
    L(
      `Service type ${p(`"${value}"`, '은/는')} 없습니다. ClusterIP(기본), NodePort, LoadBalancer, ExternalName 중 하나를 쓰세요(Ingress는 Service type이 아니라 별도의 오브젝트입니다).`,
      `There is no Service type "${value}". Use ClusterIP (the default), NodePort, LoadBalancer or ExternalName (Ingress is a separate object, not a Service type).`,
    ),
  headlessNotAllowed: (type: string) =>
    L(
      `${type} Service는 clusterIP: None(headless)일 수 없습니다. clusterIP 줄을 지우세요.`,
      `A ${type} Service cannot be headless (clusterIP: None). Remove the clusterIP line.`,
    ),
  externalNameClusterIP: L(
    'ExternalName Service에는 clusterIP를 쓸 수 없습니다(DNS 별칭일 뿐 가상 IP가 없습니다). clusterIP 줄을 지우세요.',
    'An ExternalName Service cannot have a clusterIP (it is only a DNS alias, with no virtual IP). Remove the clusterIP line.',
  ),
  externalNameRequired: L(
    'type: ExternalName이면 externalName에 연결할 DNS 이름을 써야 합니다(예: externalName: db.example.com).',
    'With type: ExternalName you must give the DNS name to point to in externalName (e.g. externalName: db.example.com).',
  ),
  externalName: (value: string) =>
    L(
      `externalName ${p(`"${value}"`, '은/는')} 올바른 DNS 이름이 아닙니다(소문자, 숫자, "-", ".").`,
      `externalName "${value}" is not a valid DNS name (lower-case letters, digits, "-", ".").`,
    ),
  clusterIP: (value: string) =>
    L(
      `clusterIP ${p(`"${value}"`, '은/는')} IP 주소가 아닙니다. 비워 두면 자동으로 배정되고, headless Service라면 None을 쓰세요.`,
      `clusterIP "${value}" is not an IP address. Leave it out to get one assigned, or write None for a headless Service.`,
    ),
  sessionAffinity: (value: string) =>
    L(
      `sessionAffinity ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. None 또는 ClientIP입니다.`,
      `sessionAffinity "${value}" is not allowed. Use None or ClientIP.`,
    ),
  affinityTimeout: L(
    'ClientIP 세션 고정 시간(timeoutSeconds)은 1–86400초여야 합니다.',
    'The ClientIP affinity timeout (timeoutSeconds) must be 1–86400 seconds.',
  ),
  appProtocol: (value: string) =>
    L(
      `appProtocol ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. http, https, kubernetes.io/h2c처럼 레이블 키 형태의 이름을 쓰세요.`,
      `appProtocol "${value}" is not allowed. Use a name shaped like a label key, such as http, https or kubernetes.io/h2c.`,
    ),
  externalTrafficPolicy: L(
    'externalTrafficPolicy는 외부에서 접근하는 Service(NodePort, LoadBalancer)에만 쓸 수 있습니다.',
    'externalTrafficPolicy applies only to externally reachable Services (NodePort, LoadBalancer).',
  ),
  trafficPolicyValue: (field: string, value: string) =>
    L(
      `${field} ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. Cluster 또는 Local입니다.`,
      `${field} "${value}" is not allowed. Use Cluster or Local.`,
    ),
}
