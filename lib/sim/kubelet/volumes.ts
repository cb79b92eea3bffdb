/**
 * emptyDir and configMap volumes (config-maps.ts fills the latter): one store per pod and volume, seen by every container that mounts it at its own mountPath.
 * A container's shell sees its own files plus the mounted ones under their mount paths; what it writes under a
 * mount path lands in the volume, so another container (nginx serving its web root) reads it.
 */
import type { Pod } from '../k8s.ts'
import type { ContainerRuntime, PodRuntime } from './runtime.ts'

interface Mount {
  volume: string
  path: string
  /** a configMap volume: its files come from the ConfigMap, what a container writes there is lost */
  readOnly: boolean
}

const NO_MOUNTS: readonly Mount[] = Object.freeze([])

function emptyDirMounts(pod: Pod, containerName: string): readonly Mount[] {
  // Most pods have no volumes; this runs on every request a pod answers, so leave early.
  if (!pod.spec?.volumes?.length) return NO_MOUNTS
  const kinds = new Map(
    (pod.spec?.volumes ?? []).filter((v) => v.emptyDir || v.configMap).map((v) => [v.name, v.configMap ? 'configMap' : 'emptyDir']),
  )
  const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === containerName)
  return (spec?.volumeMounts ?? [])
    .filter((m) => kinds.has(m.name))
    .map((m) => ({ volume: m.name, path: m.mountPath.replace(/\/+$/, ''), readOnly: kinds.get(m.name) === 'configMap' }))
    .sort((a, b) => b.path.length - a.path.length)
}

/** The files a container's shell sees: its own, and those of the volumes it mounts. */
export function filesSeenBy(pod: Pod, rt: PodRuntime, c: ContainerRuntime): Record<string, string> {
  const files = { ...c.files }
  const mounts = emptyDirMounts(pod, c.name)
  // deepest mount last, so it wins where mount paths nest
  for (let i = mounts.length - 1; i >= 0; i--) {
    const m = mounts[i]!
    for (const [rel, content] of Object.entries(rt.volumes?.[m.volume] ?? {})) files[`${m.path}/${rel}`] = content
  }
  return files
}

/** Splits what the shell left back into the container's own files and the mounted volumes. */
export function storeFiles(pod: Pod, rt: PodRuntime, c: ContainerRuntime, files: Record<string, string>): void {
  const mounts = emptyDirMounts(pod, c.name)
  const own: Record<string, string> = {}
  const volumes = { ...(rt.volumes ?? {}) }
  for (const m of mounts) if (!m.readOnly) volumes[m.volume] = {}
  for (const [path, content] of Object.entries(files)) {
    const mount = mounts.find((m) => path.startsWith(`${m.path}/`))
    if (mount?.readOnly) continue
    if (mount) volumes[mount.volume]![path.slice(mount.path.length + 1)] = content
    else own[path] = content
  }
  c.files = own
  if (mounts.length) rt.volumes = volumes
}

/** Files under `root` in this container, when a volume is mounted there (nginx's web root); null otherwise. */
export function mountedAt(pod: Pod, rt: PodRuntime, containerName: string, root: string): Record<string, string> | null {
  const mount = emptyDirMounts(pod, containerName).find((m) => m.path === root)
  return mount ? (rt.volumes?.[mount.volume] ?? {}) : null
}
