/** Hints for the kinds Kubelab validates but does not simulate: Job, Ingress, PodDisruptionBudget, Secret, ConfigMap. */
import { withParticle as p } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'
import { shown } from './shown.ts'

const L = (ko: string, en: string): Localized => ({ ko, en })

export const unsimulatedHints = {
  nonNegative: (field: string) => L(`${p(field, '은/는')} 0 이상이어야 합니다.`, `${field} must be 0 or more.`),
  jobNameLength: (name: string) =>
    L(
      `Job 이름 ${p(`"${name}"`, '이/가')} 너무 깁니다. Job 이름은 Pod의 job-name 레이블 값이 되므로 63자 이하여야 합니다.`,
      `The Job name "${name}" is too long: it becomes the job-name label of its Pods, so it must be at most 63 characters.`,
    ),
  jobRestartPolicy: (value: string) =>
    L(
      `Job의 Pod는 끝나야 하므로 restartPolicy ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. spec.template.spec에 \`restartPolicy: Never\` 또는 \`restartPolicy: OnFailure\`를 쓰세요(쓰지 않으면 Always가 됩니다).`,
      `A Job's Pods must finish, so restartPolicy "${value}" is not allowed. Set \`restartPolicy: Never\` or \`restartPolicy: OnFailure\` in spec.template.spec (left out, it is Always).`,
    ),
  jobSelectorGenerated: L(
    'Job의 selector와 Pod 레이블은 API 서버가 만듭니다. spec.selector를 지우세요(직접 정하려면 `manualSelector: true`가 필요합니다).',
    "The API server generates a Job's selector and Pod labels. Remove spec.selector (setting it yourself needs `manualSelector: true`).",
  ),
  jobSelectorRequired: L(
    '`manualSelector: true`이면 spec.selector를 직접 써야 합니다. 템플릿의 레이블과 맞는 selector를 쓰거나 manualSelector를 지우세요.',
    'With `manualSelector: true` you must write spec.selector yourself. Add one that matches the template labels, or remove manualSelector.',
  ),
  jobSelectorMismatch: L(
    'spec.selector가 spec.template.metadata.labels와 맞지 않습니다. 템플릿에 selector의 레이블을 모두 쓰세요.',
    'spec.selector does not match spec.template.metadata.labels. Give the template every label the selector asks for.',
  ),
  ingressNothingToRoute: L(
    'Ingress에는 spec.rules나 spec.defaultBackend 중 하나 이상이 필요합니다. 요청을 보낼 곳이 없습니다.',
    'An Ingress needs spec.rules or spec.defaultBackend (or both): otherwise it has nowhere to send requests.',
  ),
  ingressHost: (host: string) =>
    L(
      `host ${p(`"${host}"`, '은/는')} 쓸 수 없습니다. 소문자 도메인 이름(예: kubelab.example.org)이나 맨 앞에 "*."를 붙인 와일드카드(예: *.example.org)를 쓰세요.`,
      `The host "${host}" is not allowed. Use a lower-case domain name (e.g. kubelab.example.org) or a wildcard starting with "*." (e.g. *.example.org).`,
    ),
  ingressHostIp: (host: string) =>
    L(
      `host ${p(`"${host}"`, '은/는')} IP 주소입니다. Ingress의 host에는 도메인 이름을 쓰세요.`,
      `The host "${host}" is an IP address; an Ingress host must be a domain name.`,
    ),
  ingressPathsRequired: L(
    'http 아래에 paths가 필요합니다. 예: `paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]`',
    'http needs paths, e.g. `paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]`.',
  ),
  ingressPathType: L(
    'pathType이 필요합니다. Prefix(그 경로로 시작하는 모든 요청), Exact(그 경로만), ImplementationSpecific 중 하나를 쓰세요.',
    'pathType is required: Prefix (every request under the path), Exact (the path only) or ImplementationSpecific.',
  ),
  ingressPathAbsolute: (path: string) =>
    L(`path ${p(`"${path}"`, '은/는')} "/"로 시작해야 합니다(예: /, /api).`, `The path "${path}" must start with "/" (e.g. /, /api).`),
  ingressBackendMissing: L(
    'backend가 비어 있습니다. `service: {name: web, port: {number: 80}}`처럼 요청을 받을 Service를 쓰세요.',
    'The backend is empty. Name the Service that receives the requests, e.g. `service: {name: web, port: {number: 80}}`.',
  ),
  ingressBackendBoth: L(
    'backend에는 service와 resource 중 하나만 쓸 수 있습니다.',
    'A backend is either a service or a resource, not both.',
  ),
  ingressServiceName: (name: string) =>
    L(
      `Service 이름 ${p(`"${name}"`, '은/는')} 쓸 수 없습니다. 요청을 받을 Service의 metadata.name을 그대로 쓰세요(소문자로 시작, 소문자·숫자·"-").`,
      `The Service name "${name}" is not allowed. Use the metadata.name of the Service that receives the requests (starts with a letter; lower-case letters, digits, "-").`,
    ),
  ingressServicePortNone: L(
    'Service의 port에는 이름(name) 또는 번호(number) 중 하나를 쓰세요(예: `port: {number: 80}`).',
    'The service port needs a name or a number (e.g. `port: {number: 80}`).',
  ),
  ingressServicePortBoth: L('Service의 port에는 name과 number 중 하나만 쓰세요.', 'Give the service port a name or a number, not both.'),
  portNumber: (value: number) =>
    L(`포트 번호 ${p(String(value), '은/는')} 1부터 65535 사이여야 합니다.`, `The port number ${value} must be between 1 and 65535.`),
  portName: (value: string) =>
    L(
      `포트 이름 ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. 15자 이하의 소문자·숫자·"-"이고 소문자가 하나 이상 있어야 합니다(예: http).`,
      `The port name "${value}" is not allowed: up to 15 lower-case letters, digits and "-", with at least one letter (e.g. http).`,
    ),
  ingressClassName: (value: string) =>
    L(
      `ingressClassName ${p(`"${value}"`, '은/는')} 쓸 수 없습니다. 클러스터에 있는 IngressClass의 이름(예: nginx)을 쓰세요.`,
      `ingressClassName "${value}" is not allowed. Use the name of an IngressClass in the cluster (e.g. nginx).`,
    ),

  pdbBoth: L(
    'minAvailable과 maxUnavailable을 함께 쓸 수 없습니다. 둘 중 하나만 쓰세요(예: `maxUnavailable: 1`).',
    'minAvailable and maxUnavailable cannot both be set. Keep one of them (e.g. `maxUnavailable: 1`).',
  ),
  percentOrCount: (field: string, value: unknown) =>
    L(
      `${field}의 ${p(shown(value), '은/는')} 올바른 값이 아닙니다. 0 이상의 정수(예: 1)나 100% 이하의 비율(예: "50%")을 쓰세요.`,
      `${shown(value)} is not valid for ${field}. Use a whole number of 0 or more (e.g. 1) or a percentage up to 100% (e.g. "50%").`,
    ),
  configKey: (key: string) =>
    L(
      `키 ${p(`"${key}"`, '은/는')} 쓸 수 없습니다. 키는 영문자, 숫자, "-", "_", "."로만 이루어지고 253자 이하여야 합니다(예: AUTH_SECRET, app.conf).`,
      `The key "${key}" is not allowed: a key is letters, digits, "-", "_" and "." only, at most 253 characters (e.g. AUTH_SECRET, app.conf).`,
    ),
  configKeyDuplicate: (key: string) =>
    L(
      `키 ${p(`"${key}"`, '이/가')} data와 binaryData에 모두 있습니다. 한 곳에만 쓰세요.`,
      `The key "${key}" is in both data and binaryData; keep it in one of them.`,
    ),
  base64: (key: string) =>
    L(
      `"${key}"의 값이 base64가 아닙니다. data의 값은 base64로 인코딩해야 합니다(\`echo -n 값 | base64\`). 평문을 쓰려면 stringData에 쓰세요.`,
      `The value of "${key}" is not base64. Values under data must be base64-encoded (\`echo -n value | base64\`); put plain text under stringData instead.`,
    ),
  tooLarge: (kind: string) =>
    L(
      `${p(kind, '은/는')} 1 MiB를 넘을 수 없습니다. 큰 파일은 볼륨이나 이미지에 넣으세요.`,
      `A ${kind} cannot hold more than 1 MiB. Put large files in a volume or the image.`,
    ),
  tlsKey: (key: string) =>
    L(
      `kubernetes.io/tls 형식의 Secret에는 ${p(`data["${key}"]`, '이/가')} 필요합니다(인증서는 tls.crt, 개인 키는 tls.key).`,
      `A Secret of type kubernetes.io/tls needs data["${key}"] (the certificate in tls.crt, the private key in tls.key).`,
    ),
}
