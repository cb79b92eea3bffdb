/**
 * The simulated API server's write path: server-set metadata (uid, creationTimestamp, generation), pod
 * admission (default tolerations, QoS class), Service IP and node-port allocation, graceful deletion.
 * Validation and defaulting of learner input happen before, in lib/k8s.
 */
import type { Deployment, Pod, Service, Toleration } from './k8s.ts'
import { toTimestamp } from './clock.ts'
import { deepEqual, keyOf, NAMESPACED, objectKey, type AnyObject, type Kind } from './objects.ts'
import { nextInt, randomUid } from './rng.ts'
import type { ClusterState } from './state.ts'
import { groupResource, resourceInfo } from '../k8s/registry.ts'
import { putObject, removeObject } from './store.ts'
import { enqueue } from './queue.ts'
import { podQOSClass, withRequestsFromLimits } from './kubelet/qos.ts'
import { limitPhrase, markOverBudget, storedObjects } from './budget.ts'

export type ApiResult =
  | { ok: true; object: AnyObject }
  | { ok: false; reason: 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'Forbidden'; message: string }

/** Who writes: a learner's command or manifest (the default), or a controller of the cluster. */
export interface WriteOptions {
  /** controllers may set a ReplicaSet above the Pod limit during a surge; the Pod limit still stops them */
  byController?: boolean
}

/** `pods`, `deployments.apps`: the resource as the API server words its errors. */
export function resourceName(kind: Kind): string {
  return groupResource(resourceInfo(kind)!)
}

const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

const admittedSpecs = new WeakMap<object, Pod['spec']>()

/**
 * DefaultTolerationSeconds admission and SetDefaults_Pod's requests from limits; the result is shared by every
 * pod of the same template.
 */
function admitPodSpec(spec: Pod['spec']): Pod['spec'] {
  if (!spec) return spec
  const hit = admittedSpecs.get(spec)
  if (hit) return hit
  const tolerations = [...(spec.tolerations ?? [])]
  for (const d of DEFAULT_TOLERATIONS) {
    if (!tolerations.some((t) => t.key === d.key && (t.effect === d.effect || !t.effect))) tolerations.push(d)
  }
  const admitted = { ...spec, tolerations }
  // SetDefaults_Pod: a container's unset requests take its limits (a bare Pod's manifest had them from lib/k8s)
  const containers = withRequestsFromLimits(spec.containers)
  if (containers !== spec.containers) admitted.containers = containers!
  const initContainers = withRequestsFromLimits(spec.initContainers)
  if (initContainers !== spec.initContainers) admitted.initContainers = initContainers
  admittedSpecs.set(spec, admitted)
  admittedSpecs.set(admitted, admitted)
  return admitted
}

function allocateClusterIP(state: ClusterState): string {
  // 10.96.0.0/12, random like the apiserver's bitmap allocator; .0.1 is the kubernetes Service
  for (;;) {
    const n = 2 + nextInt(state.rng, 1_048_574 - 2)
    const ip = `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`
    if (!state.clusterIPs.has(ip) && (n & 255) !== 0 && (n & 255) !== 255) return ip
  }
}

function allocateNodePort(state: ClusterState): number {
  for (;;) {
    const p = 30000 + nextInt(state.rng, 2768)
    if (!state.nodePorts.has(p)) return p
  }
}

function serviceAllocations(state: ClusterState, svc: Service, previous?: Service): ApiResult {
  const spec = { ...svc.spec }
  const type = spec.type ?? 'ClusterIP'
  if (type === 'ExternalName') {
    delete spec.clusterIP
    delete spec.clusterIPs
  } else if (previous?.spec?.clusterIP && !spec.clusterIP) {
    spec.clusterIP = previous.spec.clusterIP
    spec.clusterIPs = previous.spec.clusterIPs
  } else if (!spec.clusterIP) {
    spec.clusterIP = allocateClusterIP(state)
    spec.clusterIPs = [spec.clusterIP]
  } else if (spec.clusterIP !== 'None' && spec.clusterIP !== previous?.spec?.clusterIP) {
    if (state.clusterIPs.has(spec.clusterIP)) {
      return {
        ok: false,
        reason: 'Invalid',
        message: `spec.clusterIPs: Invalid value: ["${spec.clusterIP}"]: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
      }
    }
    spec.clusterIPs = [spec.clusterIP]
  } else spec.clusterIPs = [spec.clusterIP]
  const needsNodePort = type === 'NodePort' || type === 'LoadBalancer'
  const mine = new Set((previous?.spec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p))
  const taken = new Set<number>()
  const ports = []
  for (const [i, p] of (spec.ports ?? []).entries()) {
    const port = { ...p }
    if (needsNodePort) {
      if (port.nodePort) {
        if (state.nodePorts.has(port.nodePort) && !mine.has(port.nodePort)) {
          return {
            ok: false,
            reason: 'Invalid',
            message: `spec.ports[${i}].nodePort: Invalid value: ${port.nodePort}: provided port is already allocated`,
          }
        }
      } else {
        const kept = previous?.spec?.ports?.find((q) => q.port === port.port && q.protocol === port.protocol)?.nodePort
        port.nodePort = kept && !taken.has(kept) ? kept : allocateNodePort(state)
      }
      taken.add(port.nodePort)
    } else delete port.nodePort
    ports.push(port)
  }
  spec.ports = ports
  if (spec.clusterIP && spec.clusterIP !== 'None') state.clusterIPs.add(spec.clusterIP)
  if (previous?.spec?.clusterIP && previous.spec.clusterIP !== spec.clusterIP) state.clusterIPs.delete(previous.spec.clusterIP)
  for (const p of mine) if (!taken.has(p)) state.nodePorts.delete(p)
  for (const p of taken) state.nodePorts.add(p)
  const status = type === 'LoadBalancer' ? { loadBalancer: {} } : { loadBalancer: {} }
  return { ok: true, object: { ...svc, spec, status } }
}

/**
 * The simulator's quota (budget.ts), checked like ResourceQuota admission: a Pod past the Pod limit, an object
 * past the object limit, and — from a learner, not a controller — a workload asking for more replicas than the
 * Pod limit are refused as Forbidden, and the run is marked over budget.
 */
function admitBudget(
  state: ClusterState,
  kind: Kind,
  name: string,
  input: AnyObject,
  creating: boolean,
  opts: WriteOptions,
): ApiResult | null {
  const { limits } = state.budget
  if (creating && kind === 'Pod' && state.objects.Pod.size >= limits.pods) {
    markOverBudget(state, { limit: 'pods', max: limits.pods })
    return { ok: false, reason: 'Forbidden', message: `pods "${name}" is forbidden: exceeded ${limitPhrase('pods', limits.pods)}` }
  }
  if (creating && kind !== 'Node' && storedObjects(state) >= limits.objects) {
    markOverBudget(state, { limit: 'objects', max: limits.objects })
    return {
      ok: false,
      reason: 'Forbidden',
      message: `${resourceName(kind)} "${name}" is forbidden: exceeded ${limitPhrase('objects', limits.objects)}`,
    }
  }
  if (!opts.byController && (kind === 'Deployment' || kind === 'ReplicaSet')) {
    const replicas = (input as Deployment).spec?.replicas
    if (typeof replicas === 'number' && replicas > limits.pods) {
      markOverBudget(state, { limit: 'pods', max: limits.pods, requested: replicas })
      return {
        ok: false,
        reason: 'Forbidden',
        message: `${resourceName(kind)} "${name}" is forbidden: exceeded ${limitPhrase('pods', limits.pods)} (spec.replicas: ${replicas})`,
      }
    }
  }
  return null
}

export function createObject(state: ClusterState, input: AnyObject, opts: WriteOptions = {}): ApiResult {
  const kind = input.kind as Kind
  const name = input.metadata?.name
  if (!name)
    return { ok: false, reason: 'Invalid', message: `${kind} is invalid: metadata.name: Required value: name or generateName is required` }
  const namespace = NAMESPACED[kind] ? (input.metadata?.namespace ?? 'default') : undefined
  if (namespace !== undefined) {
    const ns = state.objects.Namespace.get(namespace)
    if (!ns) return { ok: false, reason: 'NotFound', message: `namespaces "${namespace}" not found` }
    if (ns.metadata?.deletionTimestamp) {
      return {
        ok: false,
        reason: 'Conflict',
        message: `${resourceName(kind)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      }
    }
  }
  const key = keyOf(namespace, name)
  if (state.objects[kind].has(key)) return { ok: false, reason: 'AlreadyExists', message: `${resourceName(kind)} "${name}" already exists` }
  const refused = admitBudget(state, kind, name, input, true, opts)
  if (refused) return refused
  const metadata = {
    ...input.metadata,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: randomUid(state.rng),
    creationTimestamp: toTimestamp(state.config.epoch, state.now),
  } as AnyObject['metadata']
  if (kind === 'Deployment' || kind === 'ReplicaSet') metadata!.generation = 1
  let obj = { ...input, metadata } as AnyObject
  if (kind === 'Pod') {
    const pod = obj as Pod
    const spec = admitPodSpec(pod.spec)
    obj = { ...pod, spec, status: { phase: 'Pending', qosClass: podQOSClass({ ...pod, spec }) } } as Pod
  } else if (kind === 'Service') {
    const r = serviceAllocations(state, obj as Service)
    if (!r.ok) return r
    obj = r.object
  } else if (kind === 'Deployment' || kind === 'ReplicaSet') {
    obj = { ...obj, status: (obj as Deployment).status ?? {} } as AnyObject
  } else if (kind === 'Namespace') {
    obj = { ...obj, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as AnyObject
  }
  return { ok: true, object: putObject(state, obj) }
}

/** Replaces metadata and spec (status kept unless `withStatus`), bumping generation when the spec changes. */
export function updateObject(state: ClusterState, input: AnyObject, withStatus = false, opts: WriteOptions = {}): ApiResult {
  const kind = input.kind as Kind
  const key = objectKey(input)
  const current = state.objects[kind].get(key)
  if (!current) return { ok: false, reason: 'NotFound', message: `${resourceName(kind)} "${input.metadata?.name}" not found` }
  const refused = admitBudget(state, kind, input.metadata?.name ?? '', input, false, opts)
  if (refused) return refused
  const cur = current as AnyObject & { spec?: unknown; status?: unknown }
  const next = input as AnyObject & { spec?: unknown; status?: unknown }
  let obj = {
    ...next,
    metadata: { ...next.metadata, uid: cur.metadata!.uid, creationTimestamp: cur.metadata!.creationTimestamp },
  } as AnyObject
  if (!withStatus) (obj as { status?: unknown }).status = cur.status
  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    const specChanged = next.spec !== cur.spec && !deepEqual(next.spec, cur.spec)
    const annotationsChanged = kind === 'Deployment' && !deepEqual(next.metadata?.annotations ?? {}, cur.metadata?.annotations ?? {})
    const gen = cur.metadata!.generation ?? 1
    obj.metadata!.generation = specChanged || annotationsChanged ? gen + 1 : gen
  }
  if (kind === 'Service' && next.spec !== cur.spec) {
    const r = serviceAllocations(state, obj as Service, cur as Service)
    if (!r.ok) return r
    obj = r.object
  }
  if (kind === 'Pod' && next.spec !== cur.spec) {
    obj = { ...obj, spec: admitPodSpec((obj as Pod).spec) } as Pod
  }
  return { ok: true, object: putObject(state, obj) }
}

export interface DeleteOptions {
  gracePeriodSeconds?: number
  /** orphan: dependents keep running without an owner (kubectl delete --cascade=orphan) */
  orphan?: boolean
}

export function deleteObject(state: ClusterState, kind: Kind, key: string, opts: DeleteOptions = {}): ApiResult {
  const current = state.objects[kind].get(key)
  if (!current) {
    const name = key.includes('/') ? key.split('/')[1] : key
    return { ok: false, reason: 'NotFound', message: `${resourceName(kind)} "${name}" not found` }
  }
  if (opts.orphan) orphanDependents(state, current.metadata!.uid!)
  if (kind === 'Pod') {
    const pod = current as Pod
    const phase = pod.status?.phase
    const grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30
    if (!pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed' || grace === 0) {
      removeObject(state, kind, key)
      return { ok: true, object: current }
    }
    if (pod.metadata?.deletionTimestamp) {
      const left = Date.parse(pod.metadata.deletionTimestamp) - (state.config.epoch + state.now)
      if (grace * 1000 >= left) return { ok: true, object: current }
    }
    const obj = putObject(state, {
      ...pod,
      metadata: {
        ...pod.metadata,
        deletionTimestamp: toTimestamp(state.config.epoch, state.now + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    })
    return { ok: true, object: obj }
  }
  if (kind === 'Namespace') {
    // the namespace controller finalizes an emptied, terminating namespace
    if (current.metadata?.deletionTimestamp && opts.gracePeriodSeconds === 0) {
      removeObject(state, kind, key)
      return { ok: true, object: current }
    }
    if (!current.metadata?.deletionTimestamp) {
      putObject(state, {
        ...current,
        metadata: { ...current.metadata, deletionTimestamp: toTimestamp(state.config.epoch, state.now) },
        status: { phase: 'Terminating' },
      } as AnyObject)
    }
    enqueue(state, 'namespace', key)
    return { ok: true, object: current }
  }
  if (kind === 'Service') {
    const svc = current as Service
    if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') state.clusterIPs.delete(svc.spec.clusterIP)
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) state.nodePorts.delete(p.nodePort)
  }
  removeObject(state, kind, key)
  return { ok: true, object: current }
}

function orphanDependents(state: ClusterState, uid: string): void {
  for (const ref of [...(state.indexes.dependents.get(uid) ?? [])]) {
    const slash = ref.indexOf('/')
    const kind = ref.slice(0, slash) as Kind
    const dep = state.objects[kind].get(ref.slice(slash + 1))
    if (!dep) continue
    const refs = (dep.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid)
    putObject(state, { ...dep, metadata: { ...dep.metadata, ownerReferences: refs.length ? refs : undefined } } as AnyObject)
  }
}
