/** Container rules (validateContainers / validateInitContainers / validateContainerCommon). */
import type { FieldPath } from '../field-path.ts'
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldIssue } from '../field-errors.ts'
import { metadataHints } from '../hints/metadata-hints.ts'
import { podHints } from '../hints/pod-hints.ts'
import { isDNS1123Label, isValidPortName, isValidPortNum } from '../name-rules.ts'
import { arrayAt, numberAt, objectAt, stringAt, type JsonObject } from '../object-access.ts'
import { validateEnv, validateEnvFrom } from './env.ts'
import { validateSecurityContextIds } from './pod-placement.ts'
import { validateLifecycle, validateProbe } from './probes.ts'
import { validateResources } from './resources.ts'

export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']

interface ContainerContext {
  volumeNames: Set<string>
  template: boolean
  /** the pod's terminationGracePeriodSeconds (defaulted), which a `sleep` hook may not exceed */
  gracePeriod: number
}

export function validateContainerList(spec: JsonObject, path: FieldPath, ctx: ContainerContext, out: FieldIssue[]): void {
  const containers = arrayAt(spec.containers)
  const names = new Set<string>()
  if (containers.length === 0) out.push(required(path.child('containers'), '', podHints.containersRequired))
  // checkHostPortConflicts: across all regular containers, but each init container alone (they run one by one)
  const hostPorts: HostPorts = { seen: new Set(), path: null }
  containers.forEach((c, i) => {
    const container = objectAt(c)
    if (container) validateContainer(container, path.child('containers').index(i), false, ctx, names, hostPorts, out)
  })
  arrayAt(spec.initContainers).forEach((c, i) => {
    const container = objectAt(c)
    // upstream checks a one-element list, so its conflicts are reported at initContainers[0], whatever the index
    const own: HostPorts = { seen: new Set(), path: path.child('initContainers').index(0).child('ports') }
    if (container) validateContainer(container, path.child('initContainers').index(i), true, ctx, names, own, out)
  })
}

/** The host ports bound so far (`protocol/hostIP/port`), and where a conflict is reported when not at the port itself. */
interface HostPorts {
  seen: Set<string>
  path: FieldPath | null
}

function validateContainer(
  c: JsonObject,
  path: FieldPath,
  init: boolean,
  ctx: ContainerContext,
  names: Set<string>,
  hostPorts: HostPorts,
  out: FieldIssue[],
): void {
  const name = stringAt(c.name) ?? ''
  if (name === '') out.push(required(path.child('name'), '', podHints.containerNameRequired))
  else {
    for (const msg of isDNS1123Label(name))
      out.push(invalid(path.child('name'), name, msg, metadataHints.invalidName(podHints.containerName, name, 'dns1123label')))
    if (names.has(name)) out.push(duplicate(path.child('name'), name, podHints.containerNameDuplicate(name)))
    names.add(name)
  }
  const image = stringAt(c.image) ?? ''
  if (image === '') out.push(required(path.child('image'), '', podHints.imageRequired))
  else if (!ctx.template && image.trim() !== image) {
    out.push(invalid(path.child('image'), image, 'must not have leading or trailing whitespace', podHints.imageWhitespace(image)))
  }
  const pull = stringAt(c.imagePullPolicy)
  if (pull !== undefined && !PULL_POLICIES.includes(pull))
    out.push(notSupported(path.child('imagePullPolicy'), pull, PULL_POLICIES, podHints.pullPolicy(pull)))

  validatePorts(c.ports, path.child('ports'), hostPorts, out)
  validateEnv(c.env, path.child('env'), out)
  validateEnvFrom(c.envFrom, path.child('envFrom'), out)
  validateVolumeMounts(c.volumeMounts, path.child('volumeMounts'), ctx.volumeNames, out)
  validateResources(c.resources, path.child('resources'), out)
  validateSecurityContextIds(c.securityContext, path.child('securityContext'), out)

  const sidecar = init && c.restartPolicy === 'Always'
  if (init && !sidecar) {
    // plain init containers run to completion: probes and lifecycle hooks make no sense for them
    for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[field] !== undefined)
        out.push(
          forbidden(
            path.child(field),
            'may not be set for init containers without restartPolicy=Always',
            podHints.initContainerProbe(field),
          ),
        )
    }
    if (c.restartPolicy !== undefined) {
      out.push(notSupported(path.child('restartPolicy'), c.restartPolicy, ['Always'], podHints.containerRestartPolicy))
    }
  } else {
    validateProbe(c.livenessProbe, path.child('livenessProbe'), 'liveness', out)
    validateProbe(c.readinessProbe, path.child('readinessProbe'), 'readiness', out)
    validateProbe(c.startupProbe, path.child('startupProbe'), 'startup', out)
    validateLifecycle(c.lifecycle, path.child('lifecycle'), ctx.gracePeriod, out)
  }
  if (!init && c.restartPolicy !== undefined) {
    out.push(forbidden(path.child('restartPolicy'), 'may not be set for non-init containers', podHints.containerRestartPolicy))
  }
}

function validatePorts(value: unknown, path: FieldPath, hostPorts: HostPorts, out: FieldIssue[]): void {
  const names = new Set<string>()
  arrayAt(value).forEach((p, i) => {
    const port = objectAt(p)
    if (!port) return
    const pp = path.index(i)
    const name = stringAt(port.name) ?? ''
    if (name !== '') {
      const msgs = isValidPortName(name)
      for (const msg of msgs) out.push(invalid(pp.child('name'), name, msg, podHints.portName(name)))
      if (msgs.length === 0) {
        if (names.has(name)) out.push(duplicate(pp.child('name'), name, podHints.portNameDuplicate(name)))
        names.add(name)
      }
    }
    const containerPort = numberAt(port.containerPort) ?? 0
    if (containerPort === 0) out.push(required(pp.child('containerPort'), '', podHints.containerPortRequired))
    else
      for (const msg of isValidPortNum(containerPort))
        out.push(invalid(pp.child('containerPort'), containerPort, msg, podHints.portRange('containerPort', containerPort)))
    const hostPort = numberAt(port.hostPort) ?? 0
    const protocol = stringAt(port.protocol) ?? ''
    if (hostPort !== 0) {
      for (const msg of isValidPortNum(hostPort))
        out.push(invalid(pp.child('hostPort'), hostPort, msg, podHints.portRange('hostPort', hostPort)))
      // AccumulateUniqueHostPorts' key: protocol/hostIP/hostPort, e.g. "TCP//8080"
      const key = `${protocol}/${stringAt(port.hostIP) ?? ''}/${hostPort}`
      if (hostPorts.seen.has(key)) {
        const reported = hostPorts.path ? hostPorts.path.index(i).child('hostPort') : pp.child('hostPort')
        out.push({ ...duplicate(reported, key, podHints.hostPortDuplicate(`${hostPort}/${protocol}`)), at: pp.child('hostPort') })
      }
      hostPorts.seen.add(key)
    }
    if (protocol !== '' && !PORT_PROTOCOLS.includes(protocol))
      out.push(notSupported(pp.child('protocol'), protocol, PORT_PROTOCOLS, podHints.protocol(protocol)))
  })
}

function validateVolumeMounts(value: unknown, path: FieldPath, volumes: Set<string>, out: FieldIssue[]): void {
  const mountPaths = new Set<string>()
  arrayAt(value).forEach((m, i) => {
    const mount = objectAt(m)
    if (!mount) return
    const p = path.index(i)
    const name = stringAt(mount.name) ?? ''
    // as upstream: a nameless mount is both Required and Not found
    if (name === '') out.push(required(p.child('name'), '', podHints.volumeMountNameRequired))
    if (!volumes.has(name))
      out.push(notFound(p.child('name'), name, name === '' ? podHints.volumeMountNameRequired : podHints.volumeMountNotFound(name)))
    const mountPath = stringAt(mount.mountPath) ?? ''
    if (mountPath === '') out.push(required(p.child('mountPath'), '', podHints.mountPathRequired))
    if (mountPaths.has(mountPath)) out.push(invalid(p.child('mountPath'), mountPath, 'must be unique', podHints.mountPathUnique(mountPath)))
    mountPaths.add(mountPath)
    const subPath = stringAt(mount.subPath) ?? ''
    const subPathExpr = stringAt(mount.subPathExpr) ?? ''
    // upstream reports these at `volumeMounts.subPath` (the list's path, no index); kubectl prints it so
    if (subPath !== '') validateLocalDescendingPath(subPath, path.child('subPath'), p.child('subPath'), out)
    if (subPathExpr !== '') {
      if (subPath !== '')
        out.push(
          invalid(p.child('subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive', podHints.subPathExprExclusive),
        )
      validateLocalDescendingPath(subPathExpr, path.child('subPathExpr'), p.child('subPathExpr'), out)
    }
  })
}

/** validateLocalDescendingPath: relative, and no `..` element (one error however many there are). */
function validateLocalDescendingPath(target: string, path: FieldPath, at: FieldPath, out: FieldIssue[]): void {
  if (target.startsWith('/')) out.push(invalid(path, target, 'must be a relative path', podHints.subPathAbsolute(target), at))
  if (target.split('/').includes('..')) out.push(invalid(path, target, "must not contain '..'", podHints.subPathBacksteps(target), at))
}
