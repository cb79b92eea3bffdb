/**
 * `kubectl describe configmap` and the DATA column of `kubectl get configmaps`, as kubectl's describe.go
 * (ConfigMapDescriber) and printers (printConfigMap) write them. The simulator records no ConfigMap events.
 */
import type { ConfigMap } from '../k8s.ts'
import { ANNOTATIONS } from '../objects.ts'

/** printConfigMap: keys of data and binaryData together. */
export function configMapDataCount(cm: ConfigMap): number {
  return Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length
}

function sortedEntries<V>(m: Record<string, V> | undefined): [string, V][] {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** printLabelsMultiline / printAnnotationsMultiline (the last-applied annotation left out), aligned at 14. */
function multiline(title: string, entries: string[]): string[] {
  const head = `${title}:`.padEnd(14)
  if (entries.length === 0) return [`${head}<none>`]
  return entries.map((e, i) => `${i === 0 ? head : ''.padEnd(14)}${e}`)
}

/** Decoded length of base64 text (binaryData is shown by size only). */
function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return Math.floor((text.length * 3) / 4) - padding
}

export function describeConfigMap(cm: ConfigMap): string {
  const m = cm.metadata!
  const lines = [`${'Name:'.padEnd(14)}${m.name}`, `${'Namespace:'.padEnd(14)}${m.namespace}`]
  lines.push(...multiline('Labels', sortedEntries(m.labels).map(([k, v]) => `${k}=${v}`)))
  lines.push(...multiline('Annotations', sortedEntries(m.annotations).filter(([k]) => k !== ANNOTATIONS.lastApplied).map(([k, v]) => `${k}: ${v}`)))
  lines.push('', 'Data', '====')
  for (const [key, value] of sortedEntries(cm.data)) lines.push(`${key}:`, '----', value, '')
  lines.push('', 'BinaryData', '====')
  for (const [key, value] of sortedEntries(cm.binaryData)) lines.push(`${key}: ${base64Bytes(value)} bytes`)
  lines.push('', 'Events:  <none>')
  return `${lines.join('\n')}\n`
}
