/** What `kubectl get configmaps` and `kubectl describe configmap` (describe.ts) count and print of a ConfigMap's data. */
import type { ConfigMap } from '../k8s.ts'

/** printConfigMap: keys of data and binaryData together. */
export function configMapDataCount(cm: ConfigMap): number {
  return Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length
}

/** Decoded length of base64 text (binaryData is shown by size only). */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return Math.floor((text.length * 3) / 4) - padding
}
