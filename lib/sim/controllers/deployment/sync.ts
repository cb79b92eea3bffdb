/**
 * The Deployment controller's sync (deployment_controller.go syncDeployment + sync.go): claim ReplicaSets,
 * pause conditions, then either a scaling/paused sync (proportional scaling) or the strategy rollout.
 */
import type { Deployment, ReplicaSet } from '../../k8s.ts'
import type { Change, ControllerContext } from '../../changes.ts'
import {
  ANNOTATIONS,
  controllerOf,
  deepEqual,
  isEmptyLabelSelector,
  isPodTerminal,
  keyOf,
  labelSelectorMatches,
  ownerRef,
  POD_TEMPLATE_HASH,
} from '../../objects.ts'
import type { ClusterView } from '../../state.ts'
import { queueWrittenKey, type Controller } from '../../watch.ts'
import { enqueueByUid } from '../../informers.ts'
import { isRollingUpdate, replicasOf } from './fenceposts.ts'
import { creationOrder, findNewReplicaSet, maxRevision, newReplicaSetAnnotations, podTemplateHash, replicaSetsToClean } from './history.ts'
import { scaleDeployment } from './proportional-scaling.ts'
import { oldPodsRunning, scaleDownOldForRecreate } from './recreate.ts'
import { newRSNewReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling-update.ts'
import {
  calculateStatus,
  deploymentComplete,
  getCondition,
  hasProgressDeadline,
  newCondition,
  REASONS,
  rolloutStatus,
  setCondition,
  timeoutAt,
} from './status.ts'
import { activeReplicaSets, scaleReplicaSetAndRecordEvent, type DeploymentWork } from './work.ts'
import { sortShort } from '../../sort.ts'

export function syncDeployment(state: ClusterView, key: string, ctx: ControllerContext): Change[] {
  const original = state.objects.Deployment.get(key)
  if (!original || original.metadata?.deletionTimestamp) return []
  const w: DeploymentWork = { d: original, ctx, changes: [] }
  const d = original
  if (isEmptyLabelSelector(d.spec?.selector)) {
    w.changes.push({
      type: 'event',
      event: {
        kind: 'Deployment',
        namespace: d.metadata!.namespace,
        name: d.metadata!.name!,
        uid: d.metadata!.uid,
        type: 'Warning',
        reason: 'SelectingAll',
        message: 'This deployment is selecting all pods. A non-empty selector is required.',
        source: 'deployment-controller',
      },
    })
    if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 1)) {
      w.changes.push({ type: 'status', object: { ...d, status: { ...d.status, observedGeneration: d.metadata?.generation } } })
    }
    return w.changes
  }
  const rsList = claimReplicaSets(state, w)
  checkPausedConditions(w)
  if (d.spec?.paused) syncScaling(state, w, rsList)
  else if (isScalingEvent(state, w, rsList)) syncScaling(state, w, rsList)
  else if (isRollingUpdate(d)) rolloutRolling(state, w, rsList)
  else rolloutRecreate(state, w, rsList)
  finish(state, w, original)
  return w.changes
}

/** ClaimReplicaSets: adopt matching orphans, release owned ones whose labels stopped matching. */
function claimReplicaSets(state: ClusterView, w: DeploymentWork): ReplicaSet[] {
  const d = w.d
  const uid = d.metadata!.uid!
  const ns = d.metadata!.namespace!
  const out: ReplicaSet[] = []
  for (const rsKey of state.indexes.byNamespace.ReplicaSet.get(ns) ?? []) {
    const rs = state.objects.ReplicaSet.get(rsKey)!
    const ctl = controllerOf(rs)
    const matches = labelSelectorMatches(d.spec?.selector, rs.metadata?.labels)
    if (ctl?.uid === uid) {
      if (matches) out.push(rs)
      else {
        const refs = (rs.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid)
        w.changes.push({ type: 'update', object: { ...rs, metadata: { ...rs.metadata, ownerReferences: refs.length ? refs : undefined } } })
      }
    } else if (!ctl && matches && !rs.metadata?.deletionTimestamp) {
      const adopted = {
        ...rs,
        metadata: { ...rs.metadata, ownerReferences: [...(rs.metadata?.ownerReferences ?? []), ownerRef('Deployment', d)] },
      }
      w.changes.push({ type: 'update', object: adopted })
      out.push(adopted)
    }
  }
  return sortShort(out, creationOrder)
}

function setStatus(w: DeploymentWork, status: Deployment['status']): void {
  w.d = { ...w.d, status }
}

function checkPausedConditions(w: DeploymentWork): void {
  const d = w.d
  if (!hasProgressDeadline(d)) return
  const cond = getCondition(d.status, 'Progressing')
  if (cond?.reason === REASONS.timedOut) return
  const pausedExists = cond?.reason === REASONS.paused
  if (d.spec?.paused && !pausedExists) {
    setStatus(
      w,
      setCondition(d.status ?? {}, newCondition('Progressing', 'Unknown', REASONS.paused, 'Deployment is paused', w.ctx.timestamp)),
    )
  } else if (!d.spec?.paused && pausedExists) {
    setStatus(
      w,
      setCondition(d.status ?? {}, newCondition('Progressing', 'Unknown', REASONS.resumed, 'Deployment is resumed', w.ctx.timestamp)),
    )
  }
}

interface AllReplicaSets {
  newRS: ReplicaSet | undefined
  oldRSs: ReplicaSet[]
}

/** getAllReplicaSetsAndSyncRevision: find (or create) the new ReplicaSet and keep revisions in step. */
function getAllReplicaSets(state: ClusterView, w: DeploymentWork, rsList: ReplicaSet[], create: boolean): AllReplicaSets {
  const d = w.d
  const existing = findNewReplicaSet(d, rsList)
  const oldRSs = rsList.filter((rs) => rs !== existing)
  const newRevision = maxRevision(oldRSs) + 1
  if (existing) {
    const { annotations, changed } = newReplicaSetAnnotations(d, existing, newRevision, true)
    const minReady = d.spec?.minReadySeconds ?? 0
    let rs = existing
    if (changed || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
      rs = { ...existing, metadata: { ...existing.metadata, annotations }, spec: { ...existing.spec!, minReadySeconds: minReady } }
      w.changes.push({ type: 'update', object: rs })
    }
    setRevision(w, rs.metadata?.annotations?.[ANNOTATIONS.revision])
    if (hasProgressDeadline(w.d) && !getCondition(w.d.status, 'Progressing')) {
      setStatus(
        w,
        setCondition(
          w.d.status ?? {},
          newCondition('Progressing', 'True', REASONS.foundNewRS, `Found new replica set "${rs.metadata!.name}"`, w.ctx.timestamp),
        ),
      )
    }
    return { newRS: rs, oldRSs }
  }
  if (!create) return { newRS: undefined, oldRSs }
  const template = d.spec!.template!
  const hash = podTemplateHash(template, d.status?.collisionCount)
  const name = `${d.metadata!.name}-${hash}`
  const clash = state.objects.ReplicaSet.get(keyOf(d.metadata!.namespace, name))
  if (clash) {
    // Not ours with an equal template (else it would have been found): bump collisionCount and retry.
    setStatus(w, { ...w.d.status, collisionCount: (w.d.status?.collisionCount ?? 0) + 1 })
    w.changes.push({ type: 'wake', at: w.ctx.now, controller: 'deployment', key: keyOf(d.metadata!.namespace, d.metadata!.name!) })
    return { newRS: undefined, oldRSs }
  }
  const labels = { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash }
  const selector = { ...d.spec!.selector, matchLabels: { ...d.spec!.selector?.matchLabels, [POD_TEMPLATE_HASH]: hash } }
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata!.namespace, labels, ownerReferences: [ownerRef('Deployment', d)] },
    spec: {
      replicas: 0,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector,
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  }
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft)
  const { annotations } = newReplicaSetAnnotations(d, draft, newRevision, false)
  const newRS: ReplicaSet = {
    ...draft,
    metadata: { ...draft.metadata, annotations },
    spec: { ...draft.spec!, replicas },
    status: { replicas: 0 },
  }
  const owner = {
    kind: 'Deployment',
    namespace: d.metadata!.namespace,
    name: d.metadata!.name!,
    uid: d.metadata!.uid,
    source: 'deployment-controller',
  }
  w.changes.push({
    type: 'create',
    object: newRS,
    onSuccess:
      replicas > 0
        ? [
            {
              type: 'event',
              event: { ...owner, reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} from 0 to ${replicas}` },
            },
          ]
        : undefined,
    // sync.go getNewReplicaSet: a refused create is a ReplicaSetCreateError event and the sync's error (retried)
    onFailure: {
      event: { ...owner, reason: 'ReplicaSetCreateError', message: `Failed to create new replica set "${name}": ` },
      retry: { controller: 'deployment', key: keyOf(d.metadata!.namespace, d.metadata!.name!) },
      abortSync: true,
      progressingReason: 'ReplicaSetCreateError',
    },
  })
  setRevision(w, String(newRevision))
  if (hasProgressDeadline(d)) {
    setStatus(
      w,
      setCondition(
        w.d.status ?? {},
        newCondition('Progressing', 'True', REASONS.newReplicaSet, `Created new replica set "${name}"`, w.ctx.timestamp),
      ),
    )
  }
  return { newRS, oldRSs }
}

function setRevision(w: DeploymentWork, revision: string | undefined): void {
  if (revision === undefined || w.d.metadata?.annotations?.[ANNOTATIONS.revision] === revision) return
  w.d = { ...w.d, metadata: { ...w.d.metadata, annotations: { ...w.d.metadata?.annotations, [ANNOTATIONS.revision]: revision } } }
}

function isScalingEvent(state: ClusterView, w: DeploymentWork, rsList: ReplicaSet[]): boolean {
  const probe: DeploymentWork = { d: w.d, ctx: w.ctx, changes: [] }
  const { newRS, oldRSs } = getAllReplicaSets(state, probe, rsList, false)
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = rs.metadata?.annotations?.[ANNOTATIONS.desiredReplicas]
    if (desired === undefined) continue
    if (Number(desired) !== replicasOf(w.d)) return true
  }
  return false
}

/** sync(): scaling events and paused Deployments. */
function syncScaling(state: ClusterView, w: DeploymentWork, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSets(state, w, rsList, false)
  scaleDeployment(w, newRS, oldRSs)
  if (w.d.spec?.paused) cleanup(w, oldRSs)
  const all = newRS ? [...oldRSs, newRS] : oldRSs
  setStatus(w, calculateStatus(all, newRS, w.d, w.ctx.timestamp))
}

function rolloutRolling(state: ClusterView, w: DeploymentWork, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSets(state, w, rsList, true)
  if (!newRS) return syncRollout(state, w, oldRSs, undefined)
  const all = [...oldRSs, newRS]
  if (reconcileNewReplicaSet(w, all, newRS)) return syncRollout(state, w, all, newRS)
  const scaledDown = reconcileOldReplicaSets(w, all, activeReplicaSets(oldRSs), newRS)
  // refused: upstream's sync returns the error before any status update; the ReplicaSet's status update that
  // makes the numbers consistent again queues this Deployment (informer), which is the retry
  if (scaledDown === 'refused') return
  if (scaledDown) return syncRollout(state, w, all, newRS)
  if (deploymentComplete(w.d, w.d.status ?? {})) cleanup(w, oldRSs)
  syncRollout(state, w, all, newRS)
}

function rolloutRecreate(state: ClusterView, w: DeploymentWork, rsList: ReplicaSet[]): void {
  let { newRS, oldRSs } = getAllReplicaSets(state, w, rsList, false)
  let all = newRS ? [...oldRSs, newRS] : oldRSs
  if (scaleDownOldForRecreate(w, activeReplicaSets(oldRSs))) return syncRollout(state, w, all, newRS)
  if (oldPodsRunning(state, newRS, all)) return syncRollout(state, w, all, newRS)
  if (!newRS) {
    ;({ newRS, oldRSs } = getAllReplicaSets(state, w, rsList, true))
    all = newRS ? [...oldRSs, newRS] : oldRSs
  }
  // scaleUpNewReplicaSetForRecreate (a ReplicaSet created in this sync already has the full size)
  if (newRS && state.objects.ReplicaSet.has(keyOf(newRS.metadata!.namespace, newRS.metadata!.name!))) {
    scaleReplicaSetAndRecordEvent(w, newRS, replicasOf(w.d))
  }
  if (deploymentComplete(w.d, w.d.status ?? {})) cleanup(w, oldRSs)
  syncRollout(state, w, all, newRS)
}

function cleanup(w: DeploymentWork, oldRSs: ReplicaSet[]): void {
  for (const rs of replicaSetsToClean(w.d, oldRSs)) {
    w.changes.push({ type: 'delete', kind: 'ReplicaSet', key: keyOf(rs.metadata!.namespace, rs.metadata!.name!) })
  }
}

function syncRollout(state: ClusterView, w: DeploymentWork, all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
  setStatus(w, rolloutStatus(all, newRS, w.d, w.ctx.now, w.ctx.timestamp, state.config.epoch))
}

/** Writes the Deployment status/annotations if they changed and arms the progress-deadline re-check. */
function finish(state: ClusterView, w: DeploymentWork, original: Deployment): void {
  const d = w.d
  if (!deepEqual(d.status, original.status) || !deepEqual(d.metadata?.annotations, original.metadata?.annotations)) {
    w.changes.push({ type: 'status', object: d })
  }
  const at = timeoutAt(d, d.status ?? {}, state.config.epoch)
  if (at !== undefined && !deploymentComplete(d, d.status ?? {})) {
    // requeueStuckDeployment: look again once the deadline has passed
    w.changes.push({
      type: 'wake',
      at: Math.max(at + 1000, w.ctx.now),
      controller: 'deployment',
      key: keyOf(d.metadata!.namespace, d.metadata!.name!),
    })
  }
}

/** The Deployment of a pod's ReplicaSet, if any (its controller's uid). */
function deploymentUidOf(rs: ReplicaSet | undefined): string | undefined {
  return rs ? controllerOf(rs)?.uid : undefined
}

/**
 * The Deployment controller's triggers: its own writes; its ReplicaSets' writes (an orphan ReplicaSet may be
 * adopted by any Deployment of the namespace; a ReplicaSet changing owner concerns the old one too); a pod of
 * its ReplicaSets gone or terminal (Recreate waits for old pods to disappear).
 */
export const deploymentController: Controller<'deployment'> = {
  name: 'deployment',
  sync: syncDeployment,
  watches: {
    Deployment: queueWrittenKey,
    ReplicaSet: (state, _key, old, rs, queue) => {
      const now = (rs ?? old)!
      const ctl = controllerOf(now)
      if (ctl) enqueueByUid(state, queue, ctl.uid)
      else {
        for (const dKey of state.indexes.byNamespace.Deployment.get(now.metadata!.namespace!) ?? []) {
          const d = state.objects.Deployment.get(dKey)!
          if (labelSelectorMatches(d.spec?.selector, now.metadata?.labels)) queue.add(dKey)
        }
      }
      if (old && ctl && old.metadata?.ownerReferences !== rs?.metadata?.ownerReferences) {
        const octl = controllerOf(old)
        if (octl && octl.uid !== ctl.uid) enqueueByUid(state, queue, octl.uid)
      }
    },
    Pod: (state, _key, old, pod, queue) => {
      let dUid: string | undefined
      if (!pod && old) {
        const ctl = controllerOf(old)
        if (ctl) {
          const rsRef = state.indexes.byUid.get(ctl.uid)
          dUid = deploymentUidOf(rsRef ? state.objects.ReplicaSet.get(rsRef.key) : undefined)
        }
      } else if (pod && old && pod.status?.phase !== old.status?.phase && isPodTerminal(pod)) {
        const ctl = controllerOf(pod)
        dUid = deploymentUidOf(ctl ? state.objects.ReplicaSet.get(keyOf(pod.metadata!.namespace!, ctl.name)) : undefined)
      }
      if (dUid) enqueueByUid(state, queue, dUid)
    },
  },
}
