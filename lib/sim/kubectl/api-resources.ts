/** `kubectl api-resources`: the kinds kubectl can name here, from lib/k8s/registry.ts, grouped as discovery lists them. */
import { apiVersionOf, KUBECTL_KINDS, RESOURCES, resourceInfo } from '../../k8s/registry.ts'
import type { CommandResult } from './result.ts'
import { table } from './table.ts'

/** The core group first, then groups in the order the registry first names them; by resource name within a group. */
function groupRank(group: string): number {
  return group === '' ? -1 : RESOURCES.findIndex((r) => r.group === group)
}

export function apiResourcesTable(): string {
  const rows = KUBECTL_KINDS.map((kind) => resourceInfo(kind)!).sort(
    (a, b) => groupRank(a.group) - groupRank(b.group) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0),
  )
  return table([
    ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'],
    ...rows.map((r) => [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind]),
  ])
}

export function runApiResources(): CommandResult {
  return { ok: true, output: apiResourcesTable() }
}
