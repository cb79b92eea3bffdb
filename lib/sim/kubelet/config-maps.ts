/**
 * What a container takes from ConfigMaps when it is created, as the kubelet does (kubernetes/kubernetes
 * pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; pkg/volume/configmap/configmap.go for volumes):
 * `envFrom[].configMapRef` first (a later source wins), then `env[]` in order (`value` or
 * `valueFrom.configMapKeyRef`). A missing ConfigMap or key stops the container from being created
 * (CreateContainerConfigError, retried) unless the reference is `optional: true`. A `configMap` volume is its
 * keys as files (or the listed `items`), read-only, fixed when the container is created.
 */
import type { ConfigMap, Container, Pod } from '../k8s.ts'
import { keyOf } from '../objects.ts'
import type { ClusterView } from '../state.ts'

export type EnvResolution = { ok: true; env: Record<string, string> } | { ok: false; message: string }

function configMapOf(state: ClusterView, namespace: string, name: string): ConfigMap | undefined {
  return state.objects.ConfigMap.get(keyOf(namespace, name))
}

/** The API server's NotFound as the kubelet's ConfigMap manager returns it. */
function configMapNotFound(name: string): string {
  return `configmap "${name}" not found`
}

export function resolveContainerEnv(state: ClusterView, pod: Pod, container: Container): EnvResolution {
  const namespace = pod.metadata!.namespace ?? 'default'
  const env: Record<string, string> = {}
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef
    if (!ref) continue // secretRef: Secrets are not simulated (lib/k8s refuses nothing here; the variables are absent)
    const cm = configMapOf(state, namespace, ref.name ?? '')
    if (!cm) {
      if (ref.optional === true) continue
      return { ok: false, message: configMapNotFound(ref.name ?? '') }
    }
    for (const [key, value] of Object.entries(cm.data ?? {})) env[`${source.prefix ?? ''}${key}`] = value
  }
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.configMapKeyRef
    if (!ref) {
      if (e.value !== undefined) env[e.name] = e.value
      continue
    }
    const optional = ref.optional === true
    const cm = configMapOf(state, namespace, ref.name ?? '')
    if (!cm) {
      if (optional) continue
      return { ok: false, message: configMapNotFound(ref.name ?? '') }
    }
    const value = cm.data?.[ref.key]
    if (value === undefined) {
      if (optional) continue
      return { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}` }
    }
    env[e.name] = value
  }
  return { ok: true, env }
}

export type VolumeResolution =
  { ok: true; volumes: Record<string, Record<string, string>> } | { ok: false; volume: string; message: string }

/** The files of every `configMap` volume of the pod (volume name → path in the volume → content). */
export function resolveConfigMapVolumes(state: ClusterView, pod: Pod): VolumeResolution {
  const namespace = pod.metadata!.namespace ?? 'default'
  const volumes: Record<string, Record<string, string>> = {}
  for (const v of pod.spec?.volumes ?? []) {
    const src = v.configMap
    if (!src) continue
    const cm = configMapOf(state, namespace, src.name ?? '')
    if (!cm) {
      if (src.optional === true) {
        volumes[v.name] = {}
        continue
      }
      return { ok: false, volume: v.name, message: configMapNotFound(src.name ?? '') }
    }
    const data = cm.data ?? {}
    const files: Record<string, string> = {}
    if (src.items?.length) {
      for (const item of src.items) {
        if (data[item.key] !== undefined) files[item.path] = data[item.key]!
        else if (src.optional !== true)
          return { ok: false, volume: v.name, message: `configmap references non-existent config key: ${item.key}` }
      }
    } else Object.assign(files, data)
    volumes[v.name] = files
  }
  return { ok: true, volumes }
}

/** Whether a pod mounts any ConfigMap (most do not: the kubelet then skips the lookup). */
export function usesConfigMaps(pod: Pod, container: Container): boolean {
  return !!(
    container.envFrom?.length ||
    container.env?.some((e) => e.valueFrom?.configMapKeyRef) ||
    pod.spec?.volumes?.some((v) => v.configMap)
  )
}
