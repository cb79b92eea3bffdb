/**
 * `kubectl diff -f FILE` (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go): each object of the file is applied
 * as a dry run, the live object and the would-be object are written as YAML into a LIVE and a MERGED directory
 * under the name `group.version.Kind.namespace.name`, and `diff -u -N` compares the directories. Exit status 0:
 * no differences, 1: differences, 2: an error (then nothing is compared, as kubectl stops at the first error).
 *
 * What the simulator compares is what it stores: the dry run is the apply of apply.ts (three-way merge, API
 * defaults, generation bumped on a spec change) on a throwaway copy of the cluster state, printed as
 * `kubectl get -o yaml` prints it. Simplified: no managedFields (the simulator keeps none), the temporary
 * directories' names are derived from the seed and virtual time, and the file times are virtual time.
 */
import { structuredPatch } from 'diff'
import { applyObject } from '../apply.ts'
import { randomUid } from '../rng.ts'
import { keyOf, NAMESPACED, type AnyObject } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import type { ParsedArgs } from './args.ts'
import { toYaml } from './format.ts'
import { apiView } from './get.ts'
import { documentError, filenameArgs, loadManifests, objectIn } from './manifest-files.ts'
import type { CommandResult } from './result.ts'

const ERROR_EXIT = 2

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A copy to dry-run on: the whole state except the event log and timeline, which an apply never reads. */
function dryRunCopy(state: ClusterState): ClusterState {
  return structuredClone({ ...state, events: { ...state.events, log: [] }, timeline: [] })
}

/** A stable stand-in for the random digits of os.MkdirTemp, so the same cluster gives the same output. */
function tempDigits(state: ClusterState, salt: string): string {
  let h = 0x811c9dc5
  for (const ch of `${state.config.seed}:${state.now}:${state.resourceVersion}:${salt}`)
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
  return String(h)
}

/** GNU diff's file time: `2025-01-01 09:00:20.000000000 +0000`. */
function fileTime(epochMs: number): string {
  return `${new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.(\d{3})Z$/, '.$1000000')} +0000`
}

/** GNU's unified range: `start,count`, just `start` for one line, `start-1,0` for none. */
function range(start: number, lines: number): string {
  if (lines === 0) return `${start - 1},0`
  return lines === 1 ? `${start}` : `${start},${lines}`
}

function unifiedDiff(from: string, to: string, fromText: string, toText: string, fromTime: string, toTime: string): string {
  const patch = structuredPatch(from, to, fromText, toText, '', '', { context: 3 })
  let out = `diff -u -N ${from} ${to}\n--- ${from}\t${fromTime}\n+++ ${to}\t${toTime}\n`
  for (const h of patch.hunks)
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n${h.lines.map((l) => `${l}\n`).join('')}`
  return out
}

export function runDiff(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  if (filenameArgs(args).length === 0) return { ok: false, output: 'error: must specify one of -f and -k\n', exitCode: ERROR_EXIT }
  const loaded = loadManifests(state, args)
  if (!('documents' in loaded)) return { ...loaded, exitCode: ERROR_EXIT }
  const compared: { name: string; live: string; merged: string }[] = []
  for (const doc of loaded.documents) {
    if (!doc.object) return { ok: false, output: `${documentError(doc, 'creating')}\n`, exitCode: ERROR_EXIT }
    const obj = objectIn(doc, namespace)
    const kind = obj.kind
    const name = obj.metadata!.name!
    const ns = NAMESPACED[kind] ? (obj.metadata?.namespace ?? namespace) : undefined
    const key = keyOf(ns, name)
    const current = state.objects[kind].get(key)
    // Each object is dry-run on its own, as each is a separate dry-run request to the API server.
    const copy = dryRunCopy(state)
    // …with its own random draws (a uid, a ClusterIP), not the same ones for every object of the file
    for (let i = 0; i < compared.length; i++) randomUid(copy.rng)
    const raw = doc.object.raw
    const r = applyObject(copy, obj, isPlain(raw) ? raw : undefined, namespace, doc.source)
    if (!r.ok) return { ok: false, output: `${r.line}\n`, exitCode: ERROR_EXIT }
    const stored = copy.objects[kind].get(key)!
    // A dry run writes nothing, so the resourceVersion stays the live one (and a created object has none).
    const metadata = { ...stored.metadata }
    if (current?.metadata?.resourceVersion !== undefined) metadata.resourceVersion = current.metadata.resourceVersion
    else delete metadata.resourceVersion
    const merged = { ...stored, metadata } as AnyObject
    const [group, version] = obj.apiVersion!.includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion!]
    compared.push({
      name: `${group ? `${group}.` : ''}${version}.${kind}.${ns ?? ''}.${name}`,
      live: current ? toYaml(apiView(current)) : '',
      merged: toYaml(apiView(merged)),
    })
  }
  const liveDir = `/tmp/LIVE-${tempDigits(state, 'LIVE')}`
  const mergedDir = `/tmp/MERGED-${tempDigits(state, 'MERGED')}`
  const written = fileTime(state.config.epoch + state.now)
  let out = ''
  // diff walks the two directories in name order; -N treats a missing LIVE file (a new object) as empty.
  for (const c of compared.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (c.live === c.merged) continue
    out += unifiedDiff(`${liveDir}/${c.name}`, `${mergedDir}/${c.name}`, c.live, c.merged, c.live ? written : fileTime(0), written)
  }
  return out ? { ok: false, output: out, exitCode: 1 } : { ok: true, output: '', exitCode: 0 }
}
