/**
 * Where in the learner's YAML the cause of a failed status check is written: a Pod that cannot pull its image
 * points at that container's `image:` line, a running Pod that is not ready at its `readinessProbe:`, a Service
 * whose selector matches no Pod at its `selector:`. Computed from the run, so the line is the field that is wrong,
 * not the line an author guessed in advance.
 */
import type { PodState, State } from '../../sim/index.ts'
import type { CheckContext } from '../context.ts'

const IMAGE_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'])

/** The submitted object that made a Pod (the Pod itself, or the Deployment or ReplicaSet above it) and where its pod spec is. */
function podSource(pod: PodState, state: State): { kind: string; name: string; spec: string } {
  if (pod.owner === null) return { kind: 'Pod', name: pod.name, spec: 'spec' }
  const [ownerKind, ownerName] = pod.owner.split('/') as [string, string]
  const replicaSet =
    ownerKind === 'ReplicaSet' ? state.replicaSets.find((r) => r.name === ownerName && r.namespace === pod.namespace) : undefined
  const deployment = replicaSet?.owner?.startsWith('Deployment/') ? replicaSet.owner.slice('Deployment/'.length) : null
  return deployment
    ? { kind: 'Deployment', name: deployment, spec: 'spec.template.spec' }
    : { kind: ownerKind, name: ownerName, spec: 'spec.template.spec' }
}

/** The field of the pod spec that explains why a Pod is not running and ready, or null when nothing in it does. */
function podProblemField(pod: PodState): string | null {
  const container = pod.containers.find((c) => !c.ready)
  if (!container) return null
  const item = `containers[name=${container.name}]`
  if (container.reason !== null && IMAGE_REASONS.has(container.reason)) return `${item}.image`
  if (container.state === 'running') return `${item}.readinessProbe`
  // A container that exits may have a wrong command, or a right one under restartPolicy Always: the run cannot
  // tell which line is wrong, so the author's line stands.
  return null
}

/** The line of what keeps this Pod from being ready, in the object the learner submitted. */
export function podCauseLine(ctx: CheckContext, pod: PodState, state: State): number | null {
  const field = podProblemField(pod)
  if (field === null) return null
  const source = podSource(pod, state)
  return ctx.lineOf(source.kind, source.name, `${source.spec}.${field}`)
}

/** The line of the image of a Pod's container that runs another image than `expected`. */
export function podImageLine(ctx: CheckContext, pod: PodState, state: State, expected: string): number | null {
  const container = pod.containers.find((c) => c.image !== expected)
  if (!container) return null
  const source = podSource(pod, state)
  return ctx.lineOf(source.kind, source.name, `${source.spec}.containers[name=${container.name}].image`)
}

/** The line of a Pod's labels in the object that made it (the Pod's own, or its template's). */
export function podLabelsLine(ctx: CheckContext, pod: PodState, state: State): number | null {
  const source = podSource(pod, state)
  return ctx.lineOf(source.kind, source.name, source.kind === 'Pod' ? 'metadata.labels' : 'spec.template.metadata.labels')
}

/** The labels to show beside a selector: those with the selector's keys, else all but the ones controllers add. */
export function relevantLabels(
  labels: Readonly<Record<string, string>>,
  selector: Readonly<Record<string, string>>,
): Record<string, string> {
  const shared = Object.entries(labels).filter(([k]) => k in selector)
  return Object.fromEntries(shared.length > 0 ? shared : Object.entries(labels).filter(([k]) => k !== 'pod-template-hash'))
}

/** Pods a selector could have meant: those with labels (an unlabelled helper, like a client Pod, is not one). */
export function labelledPods(pods: PodState[]): PodState[] {
  return pods.filter((p) => !p.terminating && p.namespace === 'default' && Object.keys(p.labels).some((k) => k !== 'pod-template-hash'))
}

/** The label sets of these Pods beside a selector, each as `code` (at most three), for a message. */
export function podLabelsText(pods: PodState[], selector: Readonly<Record<string, string>>): string {
  const sets = [...new Set(pods.map((p) => labelText(relevantLabels(p.labels, selector))))].slice(0, 3)
  return sets.map((l) => `\`${l}\``).join(', ')
}

/** The first Pod among these that is not ready, with the line of its cause. */
export function firstUnreadyCause(ctx: CheckContext, pods: PodState[], state: State): number | null {
  for (const pod of pods) {
    if (pod.terminating || pod.ready) continue
    const line = podCauseLine(ctx, pod, state)
    if (line !== null) return line
  }
  return null
}

/** The Pods a Deployment owns (through its ReplicaSets) at a moment. */
export function podsOfDeployment(state: State, name: string, namespace = 'default'): PodState[] {
  const replicaSets = new Set(
    state.replicaSets.filter((r) => r.namespace === namespace && r.owner === `Deployment/${name}`).map((r) => `ReplicaSet/${r.name}`),
  )
  return state.pods.filter((p) => p.namespace === namespace && p.owner !== null && replicaSets.has(p.owner))
}

/** `app=web,tier=front`: labels or a selector as kubectl writes them. */
export function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
}
