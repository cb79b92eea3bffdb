/**
 * `kubectl patch (TYPE NAME | TYPE/NAME | -f FILE) -p PATCH [--type strategic|merge|json]`, as
 * staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go: the patch (JSON or YAML) goes to the API server, which
 * applies it to the live object (apiserver endpoints/handlers/patch.go) and then validates and stores the
 * result like any update (apply.ts updateFromClient: lib/k8s validation, immutable fields, a Deployment template
 * change starting a rollout). Prints `deployment.apps/web patched`, or `patched (no change)`.
 */
import { parse } from 'yaml'
import { updateFromClient } from '../apply.ts'
import { formatKubectlError } from '../k8s.ts'
import { updateObject } from '../apiserver.ts'
import type { AnyObject } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { flag, type ParsedArgs } from './args.ts'
import { applyJsonPatch, decodeJsonPatch, deepEqualJson, mergePatch } from './json-patches.ts'
import { loadManifests } from './manifest-files.ts'
import { lookup, targets } from './targets.ts'
import { notFoundError, QUALIFIED } from './resources.ts'
import type { CommandResult } from './result.ts'
import { StrategicMergeError, strategicMergePatch } from './strategic-merge.ts'

const PATCH_TYPES = ['json', 'merge', 'strategic'] as const
type PatchType = (typeof PATCH_TYPES)[number]
type Target = { kind: AnyObject['kind']; name: string; namespace: string }

function fail(output: string): CommandResult {
  return { ok: false, output: output.endsWith('\n') ? output : `${output}\n` }
}

/** kubectl's yaml.ToJSON of the -p text: JSON is YAML, so both parse here. */
function parsePatch(text: string): { patch: unknown } | { error: string } {
  try {
    return { patch: parse(text) ?? null }
  } catch (error) {
    // go-yaml's shape, `yaml: line 1: …`; the reason is the JavaScript parser's own words
    const e = error as Error & { linePos?: { line: number }[] }
    const reason = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    return {
      error: `error: unable to parse ${JSON.stringify(text)}: yaml: ${e.linePos?.[0] ? `line ${e.linePos[0].line}: ` : ''}${reason}`,
    }
  }
}

/** The live object after the patch, or the API server's refusal as kubectl prints it. */
function patched(live: AnyObject, patch: unknown, type: PatchType): { object: unknown } | { error: string } {
  const current = structuredClone(live) as unknown as Record<string, unknown>
  if (type === 'merge') {
    if (typeof patch !== 'object' || patch === null) return { error: 'Error from server (BadRequest): Invalid JSON Patch' }
    return { object: mergePatch(current, patch) }
  }
  if (type === 'json') {
    const ops = decodeJsonPatch(patch)
    if ('error' in ops) return { error: `Error from server (BadRequest): ${ops.error}` }
    const r = applyJsonPatch(current, ops)
    // a 422 without kind or name: kubectl prints the cause after "The request is invalid: " and an empty field name
    return 'error' in r ? { error: `The request is invalid: : ${r.error}` } : { object: r.doc }
  }
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return {
      error: `Error from server (BadRequest): json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
    }
  }
  try {
    return { object: strategicMergePatch(current, patch as Record<string, unknown>, live.kind) }
  } catch (error) {
    if (error instanceof StrategicMergeError) return { error: `Error from server (BadRequest): ${error.message}` }
    throw error
  }
}

function patchOne(state: ClusterState, t: Target, patch: unknown, type: PatchType): CommandResult {
  const live = lookup(state, t, t.namespace)
  if (!live) return fail(notFoundError(t.kind, t.name))
  const r = patched(live, patch, type)
  if ('error' in r) return fail(r.error)
  const next = r.object as AnyObject
  if (typeof next !== 'object' || next === null || Array.isArray(next))
    return fail('Error from server (BadRequest): the patched object is not an object')
  const name = next.metadata?.name
  if (name !== live.metadata?.name)
    return fail(`Error from server (BadRequest): the name of the object (${name ?? ''}) does not match the name on the URL (${t.name})`)
  // kind and apiVersion come from the URL, not the body
  const object = { ...next, kind: live.kind, apiVersion: live.apiVersion } as AnyObject
  const ref = `${QUALIFIED[t.kind]}/${t.name}`
  if (live.kind === 'Node') {
    // the simulator's validator knows workloads and Services; a Node is stored as patched
    if (deepEqualJson(live, object)) return { ok: true, output: `${ref} patched (no change)\n` }
    const w = updateObject(state, object)
    return w.ok ? { ok: true, output: `${ref} patched\n` } : fail(`Error from server (${w.reason}): ${w.message}`)
  }
  const u = updateFromClient(state, live, object)
  if (!u.ok) return fail(u.errors.length ? formatKubectlError(u.errors) : `Error from server (${u.reason}): ${u.message}`)
  return { ok: true, output: `${ref} patched${u.changed ? '' : ' (no change)'}\n` }
}

function patchTargets(state: ClusterState, args: ParsedArgs, namespace: string): Target[] | CommandResult {
  if (args.flags.has('filename')) {
    const loaded = loadManifests(state, args)
    if (!('documents' in loaded)) return loaded
    const out: Target[] = []
    for (const doc of loaded.documents) {
      if (!('kind' in doc.identity)) return fail(doc.identity.error)
      out.push({ kind: doc.identity.kind, name: doc.identity.name, namespace: doc.identity.namespace ?? namespace })
    }
    return out
  }
  const ts = targets(args.positional)
  if ('error' in ts) return fail(ts.error)
  return ts.map((t) => ({ ...t, namespace }))
}

export function runPatch(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const text = flag(args, 'patch')
  if (flag(args, 'patch-file') !== undefined) return fail('error: --patch-file is not supported by this simulator: give the patch with -p')
  if (text === undefined || text === '') return fail('error: must specify --patch or --patch-file containing the contents of the patch')
  const typeText = flag(args, 'type') ?? 'strategic'
  const type = typeText.toLowerCase() as PatchType
  if (!PATCH_TYPES.includes(type)) return fail(`error: --type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(typeText)}`)
  const parsed = parsePatch(text)
  if ('error' in parsed) return fail(parsed.error)
  const ts = patchTargets(state, args, namespace)
  if (!Array.isArray(ts)) return ts
  if (ts.length === 0) return fail('error: no objects passed to patch')
  let output = ''
  let ok = true
  for (const t of ts) {
    const r = patchOne(state, t, parsed.patch, type)
    output += r.output
    ok &&= r.ok
  }
  return { ok, output }
}
