/**
 * Cluster-wide allocation checks the API server makes when a Service is created: a requested nodePort or
 * clusterIP must be free (and the IP inside the service CIDR). The simulator owns the allocations and asks here
 * for the Kubernetes wording.
 */
import { toDiagnostic } from './diagnostics.ts'
import { FieldPath } from './field-path.ts'
import { invalid, type FieldIssue } from './field-errors.ts'
import { updateHints } from './hints/update-hints.ts'
import { arrayAt, numberAt, objectAt, stringAt } from './object-access.ts'
import { NO_SOURCE } from './source-map.ts'
import type { Diagnostic, Service } from './types.ts'
import type { UpdateOptions } from './update.ts'

export interface AllocatedAddresses {
  nodePorts?: Iterable<number>
  clusterIPs?: Iterable<string>
  /** default 10.96.0.0/12 (kubeadm) */
  serviceCIDR?: string
}

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12'

export function validateServiceAllocation(service: Service, allocated: AllocatedAddresses, options: UpdateOptions = {}): Diagnostic[] {
  const out: FieldIssue[] = []
  const spec = objectAt((service as unknown as { spec?: unknown }).spec) ?? {}
  const usedPorts = new Set(allocated.nodePorts ?? [])
  arrayAt(spec.ports).forEach((p, i) => {
    const nodePort = numberAt(objectAt(p)?.nodePort)
    if (nodePort !== undefined && usedPorts.has(nodePort)) {
      out.push(
        invalid(
          FieldPath.of('spec', 'ports').index(i).child('nodePort'),
          nodePort,
          'provided port is already allocated',
          updateHints.nodePortTaken(nodePort),
        ),
      )
    }
  })
  const ip = stringAt(spec.clusterIP) ?? ''
  if (ip !== '' && ip !== 'None') {
    const cidr = allocated.serviceCIDR ?? DEFAULT_SERVICE_CIDR
    const path = FieldPath.of('spec', 'clusterIPs')
    if (new Set(allocated.clusterIPs ?? []).has(ip)) {
      out.push(
        invalid(
          path,
          [ip],
          `failed to allocate IP ${ip}: provided IP is already allocated`,
          updateHints.clusterIPTaken(ip),
          FieldPath.of('spec', 'clusterIP'),
        ),
      )
    } else if (!ipv4InCidr(ip, cidr)) {
      const detail = `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`
      out.push(invalid(path, [ip], detail, updateHints.clusterIPRange(ip, cidr), FieldPath.of('spec', 'clusterIP')))
    }
  }
  const name = stringAt(objectAt((service as unknown as { metadata?: unknown }).metadata)?.name) ?? null
  return out.map((i) => {
    const d = toDiagnostic(i, { file: options.file, document: options.document ?? 0, kind: 'Service', name, source: NO_SOURCE })
    return options.positionOf ? { ...d, ...options.positionOf((i.at ?? i.path).toString()) } : d
  })
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.')
  if (parts.length !== 4) return null
  let n = 0
  for (const p of parts) {
    const v = Number(p)
    if (!/^\d{1,3}$/.test(p) || v > 255) return null
    n = n * 256 + v
  }
  return n
}

export function ipv4InCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/')
  const a = ipv4ToInt(ip)
  const b = ipv4ToInt(base)
  const bits = Number(bitsText)
  if (a === null || b === null || !Number.isInteger(bits)) return true // IPv6 or malformed range: not ours to judge
  const size = 2 ** (32 - bits)
  return Math.floor(a / size) === Math.floor(b / size)
}
