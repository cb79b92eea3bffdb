/**
 * kubectl apply, create, delete and get with `-f FILE` (the files of manifest-files.ts). As upstream, each
 * object is sent on its own, what succeeded is printed as it happens and the errors come last, all of them
 * (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go Run, create/create.go, delete/delete.go DeleteResult,
 * get/get.go). Simplified: several errors are each printed in kubectl's one-error form.
 */
import { applyObject, refuseManifest, resourcePrefix } from '../apply.ts'
import { createObject, deleteObject } from '../apiserver.ts'
import { ANNOTATIONS, keyOf, NAMESPACED, type AnyObject } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { boolFlag, flag, type ParsedArgs } from './args.ts'
import { getFilters, printRequests, type GetOptions, type GetRequest } from './get.ts'
import { documentError, loadManifests, objectIn, type FileDocument } from './manifest-files.ts'
import { deletedLine, deleteOptions } from './mutate.ts'
import { PLURAL } from './resources.ts'
import type { CommandResult } from './result.ts'

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Lines printed as objects succeed, then every error: kubectl's stdout, then its aggregated stderr. */
function report(done: string[], errors: string[]): CommandResult {
  const lines = [...done, ...errors]
  return { ok: errors.length === 0, output: lines.length ? `${lines.join('\n')}\n` : '' }
}

function live(state: ClusterState, doc: FileDocument, namespace: string): boolean {
  if (!('kind' in doc.identity)) return false
  const { kind, name } = doc.identity
  return state.objects[kind].has(keyOf(NAMESPACED[kind] ? (doc.identity.namespace ?? namespace) : undefined, name))
}

/** The files' manifests as one request: refused whole when they ask for more than the simulator's limits. */
function refuseFiles(state: ClusterState, documents: FileDocument[]): string | null {
  const objects = documents.flatMap((d) => (d.object ? [d.object.object] : []))
  return refuseManifest(state, objects, documents[0]?.source)
}

/** apply.go's warning when apply takes over an object made imperatively (`kubectl create`, `run`, …). */
function missingAnnotationWarning(kind: AnyObject['kind'], name: string): string {
  const resource = PLURAL[kind]!.split('.')[0]
  return `Warning: resource ${resource}/${name} is missing the ${ANNOTATIONS.lastApplied} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`
}

/** `kubectl apply -f FILE`: a three-way merge per object (apply.ts), `created`, `configured` or `unchanged`. */
export function runApplyFiles(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const loaded = loadManifests(state, args)
  if (!('documents' in loaded)) return loaded
  if (loaded.documents.length === 0) return { ok: false, output: 'error: no objects passed to apply\n' }
  const refused = refuseFiles(state, loaded.documents)
  if (refused) return { ok: false, output: refused }
  const done: string[] = []
  const errors: string[] = []
  for (const doc of loaded.documents) {
    if (!doc.object) {
      errors.push(documentError(doc, live(state, doc, namespace) ? 'applying' : 'creating'))
      continue
    }
    const raw = doc.object.raw
    const obj = objectIn(doc, namespace)
    const current = state.objects[obj.kind].get(keyOf(obj.metadata?.namespace, obj.metadata!.name!))
    if (current && !current.metadata?.annotations?.[ANNOTATIONS.lastApplied])
      done.push(missingAnnotationWarning(obj.kind, obj.metadata!.name!))
    const r = applyObject(state, obj, isPlain(raw) ? raw : undefined, namespace, doc.source)
    ;(r.ok ? done : errors).push(r.line)
  }
  return report(done, errors)
}

/** `kubectl create -f FILE`: creates each object as written (no last-applied annotation, unlike apply). */
export function runCreateFiles(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const loaded = loadManifests(state, args)
  if (!('documents' in loaded)) return loaded
  if (loaded.documents.length === 0) return { ok: false, output: 'error: no objects passed to create\n' }
  const refused = refuseFiles(state, loaded.documents)
  if (refused) return { ok: false, output: refused }
  const done: string[] = []
  const errors: string[] = []
  for (const doc of loaded.documents) {
    if (!doc.object) {
      errors.push(documentError(doc, 'creating'))
      continue
    }
    const obj = objectIn(doc, namespace)
    const kind = obj.kind
    const r = createObject(state, obj)
    if (r.ok) done.push(`${resourcePrefix(kind)}/${obj.metadata!.name} created`)
    else errors.push(`Error from server (${r.reason}): error when creating "${doc.source}": ${r.message}`)
  }
  return report(done, errors)
}

/** `kubectl delete -f FILE`: deletes the objects the file names (their specs need not be valid). */
export function runDeleteFiles(state: ClusterState, args: ParsedArgs, namespace: string): CommandResult {
  const loaded = loadManifests(state, args)
  if (!('documents' in loaded)) return loaded
  const { options, forced, warning } = deleteOptions(args)
  const ignoreNotFound = boolFlag(args, 'ignore-not-found')
  const done: string[] = []
  const errors: string[] = []
  for (const doc of loaded.documents) {
    const id = doc.identity
    if (!('kind' in id)) {
      errors.push(id.error)
      continue
    }
    const key = keyOf(NAMESPACED[id.kind] ? (id.namespace ?? namespace) : undefined, id.name)
    const r = deleteObject(state, id.kind, key, options)
    if (r.ok) done.push(deletedLine(id.kind, id.name, forced).trimEnd())
    else if (!ignoreNotFound)
      errors.push(`Error from server (NotFound): error when deleting "${doc.source}": ${PLURAL[id.kind]} "${id.name}" not found`)
  }
  if (loaded.documents.length === 0) return { ok: true, output: 'No resources found\n' }
  const r = report(done, errors)
  return { ...r, output: warning + r.output }
}

/** `kubectl get -f FILE`: the objects the file names, printed as `kubectl get TYPE NAME` prints them. */
export function runGetFiles(state: ClusterState, args: ParsedArgs, options: GetOptions): CommandResult {
  const filters = getFilters(args)
  if ('output' in filters) return filters
  const loaded = loadManifests(state, args)
  if (!('documents' in loaded)) return loaded
  const requests: GetRequest[] = []
  for (const doc of loaded.documents) {
    const id = doc.identity
    if (!('kind' in id)) return { ok: false, output: `${id.error}\n` }
    const namespace = NAMESPACED[id.kind] ? (id.namespace ?? flag(args, 'namespace') ?? options.namespace) : undefined
    const same = requests.find((r) => r.kind === id.kind && r.namespace === namespace)
    if (same) same.names.push(id.name)
    else requests.push({ kind: id.kind, names: [id.name], namespace })
  }
  // get.go prints kinds apart, with qualified names, only when the file holds more than one kind
  const multi = new Set(requests.map((r) => r.kind)).size > 1
  return printRequests(state, args, { ...options, allNamespaces: false }, requests, { multi, ...filters })
}
