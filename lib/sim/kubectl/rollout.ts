/** kubectl rollout status|history|undo|pause|resume|restart (client-side logic of kubectl's polymorphichelpers). */
import type { Deployment, ReplicaSet } from '../k8s.ts'
import { updateObject } from '../apiserver.ts'
import { toTimestamp } from '../clock.ts'
import { ANNOTATIONS, POD_TEMPLATE_HASH } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { equalIgnoreHash, findNewReplicaSet, revisionOf, skipCopyAnnotation } from '../controllers/deployment/history.ts'
import { flag, type ParsedArgs } from './args.ts'
import { notFoundError, resolveResource, splitTypeName } from './resources.ts'
import type { CommandResult } from './result.ts'
import { unknownSubcommand } from './unknown-command.ts'

function target(state: ClusterState, args: ParsedArgs, namespace: string): { d: Deployment } | CommandResult {
  const [a, b] = args.positional
  let kind: string | undefined
  let name: string | undefined
  const split = a ? splitTypeName(a) : undefined
  if (split && 'error' in split) return { ok: false, output: `${split.error}\n` }
  if (split) ({ kind, name } = split)
  else if (a) {
    kind = resolveResource(a)
    name = b
    if (!kind) return { ok: false, output: `error: the server doesn't have a resource type "${a}"\n` }
  }
  if (!kind || !name) return { ok: false, output: 'error: required resource not specified\n' }
  if (kind !== 'Deployment')
    return { ok: false, output: `error: no rollout support for ${kind.toLowerCase()}s in this simulator (deployments only)\n` }
  const d = state.objects.Deployment.get(`${namespace}/${name}`)
  if (!d) return { ok: false, output: notFoundError('Deployment', name) }
  return { d }
}

export function ownedReplicaSets(state: ClusterState, d: Deployment): ReplicaSet[] {
  return [...(state.indexes.replicaSetsByController.get(d.metadata!.uid!) ?? [])].map((k) => state.objects.ReplicaSet.get(k)!)
}

export function rolloutStatusLine(d: Deployment): { ok: boolean; done: boolean; text: string } {
  const name = d.metadata!.name
  const s = d.status ?? {}
  if ((d.metadata?.generation ?? 1) <= (s.observedGeneration ?? 0)) {
    const cond = s.conditions?.find((c) => c.type === 'Progressing')
    if (cond?.reason === 'ProgressDeadlineExceeded')
      return { ok: false, done: false, text: `error: deployment "${name}" exceeded its progress deadline\n` }
    const r = d.spec?.replicas ?? 1
    const updated = s.updatedReplicas ?? 0
    if (updated < r)
      return {
        ok: true,
        done: false,
        text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${r} new replicas have been updated...\n`,
      }
    if ((s.replicas ?? 0) > updated)
      return {
        ok: true,
        done: false,
        text: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      }
    if ((s.availableReplicas ?? 0) < updated)
      return {
        ok: true,
        done: false,
        text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      }
    return { ok: true, done: true, text: `deployment "${name}" successfully rolled out\n` }
  }
  return { ok: true, done: false, text: 'Waiting for deployment spec update to be observed...\n' }
}

function patchDeployment(state: ClusterState, d: Deployment, next: Deployment): CommandResult | undefined {
  const r = updateObject(state, next)
  if (!r.ok) return { ok: false, output: `Error from server (${r.reason}): ${r.message}\n` }
  void d
  return undefined
}

const ROLLOUT_COMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo']

export function runRollout(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const sub = args.positional[0]
  const rest = { ...args, positional: args.positional.slice(1) }
  if (!sub) return { ok: false, output: 'error: Required subcommand: one of history, pause, restart, resume, status, undo\n' }
  if (!ROLLOUT_COMMANDS.includes(sub)) return { ok: false, output: unknownSubcommand('rollout', args.positional) }
  const t = target(state, rest, namespace)
  if (!('d' in t)) return t
  const d = t.d
  const ref = `deployment.apps/${d.metadata!.name}`
  switch (sub) {
    case 'status': {
      const r = rolloutStatusLine(d)
      return { ok: r.ok, output: r.text }
    }
    case 'history': {
      const rss = ownedReplicaSets(state, d)
      const revision = flag(rest, 'revision')
      if (revision !== undefined) {
        const rs = rss.find((x) => revisionOf(x) === Number(revision))
        if (!rs) return { ok: false, output: `error: unable to find the specified revision\n` }
        const t = rs.spec!.template!
        const labels = Object.entries(t.metadata?.labels ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join('\n\t')
        const lines = [`${ref} with revision #${revision}`, 'Pod Template:', `  Labels:\t${labels}`]
        const cause = rs.metadata?.annotations?.[ANNOTATIONS.changeCause]
        if (cause) lines.push(`  Annotations:\tkubernetes.io/change-cause: ${cause}`)
        lines.push('  Containers:')
        for (const c of t.spec?.containers ?? []) {
          lines.push(`   ${c.name}:`, `    Image:\t${c.image}`)
          for (const p of c.ports ?? []) lines.push(`    Port:\t${p.containerPort}/${p.protocol ?? 'TCP'}`)
          lines.push(`    Host Port:\t0/TCP`, `    Environment:\t<none>`, `    Mounts:\t<none>`)
        }
        lines.push('  Volumes:\t<none>', '  Node-Selectors:\t<none>', '  Tolerations:\t<none>', '')
        return { ok: true, output: `${lines.join('\n')}\n` }
      }
      const rows = rss
        .map((rs) => ({ rev: revisionOf(rs), cause: rs.metadata?.annotations?.[ANNOTATIONS.changeCause] ?? '<none>' }))
        .filter((r) => r.rev > 0)
        .sort((a, b) => a.rev - b.rev)
      if (rows.length === 0) return { ok: true, output: `No rollout history found.\n` }
      const w = Math.max('REVISION'.length, ...rows.map((r) => String(r.rev).length)) + 2
      return {
        ok: true,
        output: `${ref} \n${'REVISION'.padEnd(w)}CHANGE-CAUSE\n${rows.map((r) => `${String(r.rev).padEnd(w)}${r.cause}\n`).join('')}\n`,
      }
    }
    case 'undo': {
      if (d.spec?.paused)
        return {
          ok: false,
          output: `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n`,
        }
      const toRevision = Number(flag(rest, 'to-revision') ?? 0)
      const rss = ownedReplicaSets(state, d)
      const current = findNewReplicaSet(d, rss)
      const old = rss.filter((r) => r !== current)
      let rs: ReplicaSet | undefined
      if (toRevision > 0) {
        // kubectl looks through every ReplicaSet, the current one too (whose template then matches: skipped)
        rs = rss.find((r) => revisionOf(r) === toRevision)
        if (!rs) return { ok: false, output: `error: unable to find specified revision ${toRevision} in history\n` }
      } else {
        let best = 0
        for (const r of old) if (revisionOf(r) > best) [best, rs] = [revisionOf(r), r]
        if (!rs) return { ok: false, output: `error: no rollout history found for deployment "${d.metadata!.name}"\n` }
      }
      if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
        return { ok: true, output: `${ref} skipped rollback (current template already matches revision ${revisionOf(rs)})\n` }
      }
      const labels = { ...rs.spec!.template!.metadata?.labels }
      delete labels[POD_TEMPLATE_HASH]
      const template = { ...rs.spec!.template!, metadata: { ...rs.spec!.template!.metadata, labels } }
      const annotations: Record<string, string> = { ...d.metadata?.annotations }
      for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!skipCopyAnnotation(k)) annotations[k] = v
      const err = patchDeployment(state, d, { ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec!, template } })
      return err ?? { ok: true, output: `${ref} rolled back\n` }
    }
    case 'pause':
    case 'resume': {
      const pause = sub === 'pause'
      if (!!d.spec?.paused === pause)
        return { ok: false, output: `error: deployments.apps "${d.metadata!.name}" is ${pause ? 'already paused' : 'not paused'}\n` }
      const err = patchDeployment(state, d, { ...d, spec: { ...d.spec!, paused: pause || undefined } })
      return err ?? { ok: true, output: `${ref} ${pause ? 'paused' : 'resumed'}\n` }
    }
    case 'restart': {
      if (d.spec?.paused)
        return {
          ok: false,
          output: `error: deployments.apps "${d.metadata!.name}" can't restart paused deployment (run rollout resume first)\n`,
        }
      const t0 = d.spec!.template!
      const annotations = { ...t0.metadata?.annotations, [ANNOTATIONS.restartedAt]: toTimestamp(state.config.epoch, state.now) }
      const err = patchDeployment(state, d, { ...d, spec: { ...d.spec!, template: { ...t0, metadata: { ...t0.metadata, annotations } } } })
      return err ?? { ok: true, output: `${ref} restarted\n` }
    }
    default:
      return { ok: false, output: unknownSubcommand('rollout', args.positional) } // not reached: checked above
  }
}
