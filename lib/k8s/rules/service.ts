/** Service rules (pkg/apis/core/validation ValidateService, validateServicePort) plus the node-port range check. */
import type { FieldPath } from '../field-path.ts'
import { duplicate, forbidden, invalid, notSupported, required, type FieldIssue } from '../field-errors.ts'
import { metadataHints } from '../hints/metadata-hints.ts'
import { serviceHints } from '../hints/service-hints.ts'
import {
  IP_ADDRESS_ERROR,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
} from '../name-rules.ts'
import { arrayAt, numberAt, objectAt, stringAt } from '../object-access.ts'
import { validateLabels } from './labels.ts'

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const AFFINITIES = ['ClientIP', 'None']
const TRAFFIC_POLICIES = ['Cluster', 'Local']
/** kube-apiserver's default --service-node-port-range */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 }
const MAX_AFFINITY_SECONDS = 86400

export function validateService(specValue: unknown, path: FieldPath, out: FieldIssue[]): void {
  const spec = objectAt(specValue) ?? {}
  const type = stringAt(spec.type) ?? 'ClusterIP'
  const clusterIP = stringAt(spec.clusterIP) ?? ''
  const headless = clusterIP === 'None'
  const ports = arrayAt(spec.ports)
  if (ports.length === 0 && !headless && type !== 'ExternalName') out.push(required(path.child('ports'), '', serviceHints.portsRequired))

  if ((type === 'NodePort' || type === 'LoadBalancer') && headless) {
    out.push(
      invalid(
        path.child('clusterIPs').index(0),
        'None',
        `may not be set to 'None' for ${type} services`,
        serviceHints.headlessNotAllowed(type),
        clusterIPSource(spec, path),
      ),
    )
  }
  if (type === 'ExternalName') {
    if (clusterIP !== '')
      out.push(forbidden(path.child('clusterIP'), 'must be empty for ExternalName services', serviceHints.externalNameClusterIP))
    const cname = (stringAt(spec.externalName) ?? '').replace(/\.$/, '')
    if (cname === '') out.push(required(path.child('externalName'), '', serviceHints.externalNameRequired))
    else
      for (const msg of isDNS1123Subdomain(cname))
        out.push(invalid(path.child('externalName'), cname, msg, serviceHints.externalName(cname)))
  } else if (clusterIP !== '' && !headless && !isIP(clusterIP)) {
    out.push(
      invalid(
        path.child('clusterIPs').index(0),
        clusterIP,
        IP_ADDRESS_ERROR,
        serviceHints.clusterIP(clusterIP),
        clusterIPSource(spec, path),
      ),
    )
  }

  const names = new Set<string>()
  const seenPorts = new Set<string>()
  const seenNodePorts = new Set<string>()
  ports.forEach((p, i) => {
    const port = objectAt(p)
    if (!port) return
    const pp = path.child('ports').index(i)
    const name = stringAt(port.name) ?? ''
    if (ports.length > 1 && name === '') out.push(required(pp.child('name'), '', serviceHints.portNameRequired))
    else if (name !== '') {
      for (const msg of isDNS1123Label(name))
        out.push(invalid(pp.child('name'), name, msg, metadataHints.invalidName(serviceHints.portName, name, 'dns1123label')))
      if (names.has(name)) out.push(duplicate(pp.child('name'), name, serviceHints.portNameDuplicate(name)))
      names.add(name)
    }
    const number = numberAt(port.port) ?? 0
    for (const msg of isValidPortNum(number)) out.push(invalid(pp.child('port'), number, msg, serviceHints.portRange(number)))
    const protocol = stringAt(port.protocol) ?? 'TCP'
    if (!PROTOCOLS.includes(protocol)) out.push(notSupported(pp.child('protocol'), protocol, PROTOCOLS, serviceHints.protocol(protocol)))
    const target = port.targetPort
    if (typeof target === 'string') {
      for (const msg of isValidPortName(target)) out.push(invalid(pp.child('targetPort'), target, msg, serviceHints.targetPort(target)))
    } else if (target !== undefined) {
      const t = numberAt(target) ?? 0
      for (const msg of isValidPortNum(t)) out.push(invalid(pp.child('targetPort'), t, msg, serviceHints.targetPort(t)))
    }
    const appProtocol = stringAt(port.appProtocol)
    if (appProtocol !== undefined) {
      for (const msg of isQualifiedName(appProtocol))
        out.push(invalid(pp.child('appProtocol'), appProtocol, msg, serviceHints.appProtocol(appProtocol)))
    }
    const key = `${protocol}/${number}`
    if (seenPorts.has(key)) out.push(duplicate(pp, { port: number, protocol }, serviceHints.duplicatePort(number, protocol)))
    seenPorts.add(key)

    const nodePort = numberAt(port.nodePort) ?? 0
    if (nodePort === 0) return
    if (type === 'ClusterIP') {
      out.push(forbidden(pp.child('nodePort'), "may not be used when `type` is 'ClusterIP'", serviceHints.nodePortForbidden))
      return
    }
    const nodeKey = `${protocol}/${nodePort}`
    if (seenNodePorts.has(nodeKey)) out.push(duplicate(pp.child('nodePort'), nodePort, serviceHints.nodePortDuplicate(nodePort)))
    seenNodePorts.add(nodeKey)
    // checked by the node-port allocator when the Service is created
    if (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max) {
      const detail = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`
      out.push(invalid(pp.child('nodePort'), nodePort, detail, serviceHints.nodePortRange(nodePort)))
    }
  })

  validateLabels(spec.selector, path.child('selector'), out)

  const affinity = stringAt(spec.sessionAffinity) ?? 'None'
  if (!AFFINITIES.includes(affinity))
    out.push(notSupported(path.child('sessionAffinity'), affinity, AFFINITIES, serviceHints.sessionAffinity(affinity)))
  if (affinity === 'ClientIP') {
    const timeout = numberAt(objectAt(objectAt(spec.sessionAffinityConfig)?.clientIP)?.timeoutSeconds)
    if (timeout !== undefined && (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS)) {
      const p = path.child('sessionAffinityConfig').child('clientIP').child('timeoutSeconds')
      out.push(invalid(p, timeout, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`, serviceHints.affinityTimeout))
    }
  }

  if (!SERVICE_TYPES.includes(type)) out.push(notSupported(path.child('type'), type, SERVICE_TYPES, serviceHints.type(type)))

  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && arrayAt(spec.externalIPs).length > 0)
  const etp = stringAt(spec.externalTrafficPolicy)
  if (etp !== undefined && etp !== '') {
    if (!external)
      out.push(
        invalid(
          path.child('externalTrafficPolicy'),
          etp,
          'may only be set for externally-accessible services',
          serviceHints.externalTrafficPolicy,
        ),
      )
    else if (!TRAFFIC_POLICIES.includes(etp))
      out.push(
        notSupported(
          path.child('externalTrafficPolicy'),
          etp,
          TRAFFIC_POLICIES,
          serviceHints.trafficPolicyValue('externalTrafficPolicy', etp),
        ),
      )
  }
  const itp = stringAt(spec.internalTrafficPolicy)
  if (itp !== undefined && itp !== '' && !TRAFFIC_POLICIES.includes(itp)) {
    out.push(
      notSupported(
        path.child('internalTrafficPolicy'),
        itp,
        TRAFFIC_POLICIES,
        serviceHints.trafficPolicyValue('internalTrafficPolicy', itp),
      ),
    )
  }
}

/** Errors are reported on clusterIPs[0] (dual-stack era), but learners write clusterIP: point there. */
function clusterIPSource(spec: Record<string, unknown>, path: FieldPath): FieldPath {
  return spec.clusterIP !== undefined ? path.child('clusterIP') : path.child('clusterIPs').index(0)
}
