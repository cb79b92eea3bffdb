/**
 * `npm run schema:generate` — writes lib/k8s/schema/kubernetes.schema.json, the JSON Schema (draft-07) of the
 * kinds Kubelab supports, used for strict decoding in lib/k8s and for completions/hover docs in the editor.
 *
 * Source: the TypeScript declarations of `kubernetes-models` (generated from the Kubernetes OpenAPI document,
 * field docs included), converted by `ts-json-schema-generator` with `additionalProperties: false`.
 * TypeScript has no integer type, so every `number` is probed against kubernetes-models' own precompiled
 * ajv validators (which still know `type: integer` and `format: int32|int64`) and restored.
 * See docs/decisions/0003-kubernetes-schema-source.md.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { createGenerator } from 'ts-json-schema-generator'
import { Pod } from 'kubernetes-models/v1/Pod'
import { Service } from 'kubernetes-models/v1/Service'
import { Namespace } from 'kubernetes-models/v1/Namespace'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet'
import { Job } from 'kubernetes-models/batch/v1/Job'
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { Secret } from 'kubernetes-models/v1/Secret'
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'

type Schema = {
  $ref?: string
  type?: string | string[]
  format?: string
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  items?: Schema
  anyOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  required?: string[]
  description?: string
  [k: string]: unknown
}

// `simulated: false`: checked by `kubelab validate` (deploy/kubernetes, ADR 0016), not run by the simulator. The
// document-level `kind` enum and if/then (what the course's editor offers) name the simulated kinds only.
const KINDS = [
  { kind: 'Pod', apiVersion: 'v1', model: Pod, simulated: true },
  { kind: 'Deployment', apiVersion: 'apps/v1', model: Deployment, simulated: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', model: ReplicaSet, simulated: true },
  { kind: 'Service', apiVersion: 'v1', model: Service, simulated: true },
  { kind: 'Namespace', apiVersion: 'v1', model: Namespace, simulated: true },
  { kind: 'Job', apiVersion: 'batch/v1', model: Job, simulated: false },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', model: Ingress, simulated: false },
  { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', model: PodDisruptionBudget, simulated: false },
  { kind: 'Secret', apiVersion: 'v1', model: Secret, simulated: false },
  { kind: 'ConfigMap', apiVersion: 'v1', model: ConfigMap, simulated: true },
  { kind: 'ServiceAccount', apiVersion: 'v1', model: ServiceAccount, simulated: false },
] as const
const SIMULATED = KINDS.filter((k) => k.simulated)

const root = new URL('../', import.meta.url)
const out = new URL('lib/k8s/schema/kubernetes.schema.json', root)

function log(msg: string) {
  process.stderr.write(`${msg}\n`)
}

// 1. TypeScript declarations → JSON Schema, one root per kind (lib/k8s/types.ts aliases kubernetes-models' interfaces).
const started = performance.now()
const generator = createGenerator({
  path: new URL('lib/k8s/types.ts', root).pathname,
  tsconfig: new URL('tsconfig.json', root).pathname,
  expose: 'export',
  jsDoc: 'extended',
  additionalProperties: false,
  skipTypeCheck: true,
  topRef: true,
})
const definitions: Record<string, Schema> = {}
for (const { kind } of KINDS) {
  const s = generator.createSchema(kind) as { definitions: Record<string, Schema> }
  for (const [name, def] of Object.entries(s.definitions)) if (name !== kind) definitions[name] = def
}
log(`generated ${Object.keys(definitions).length} definitions in ${Math.round(performance.now() - started)} ms`)

// 2. Kubernetes' own names: IContainerPort → ContainerPort (also used for Go-style decode messages).
const rename = (name: string) => (/^I[A-Z]/.test(name) ? name.slice(1) : name)
const defs: Record<string, Schema> = {}
for (const [name, def] of Object.entries(definitions)) defs[rename(name)] = def
const refName = (ref: string) => ref.replace('#/definitions/', '')
function renameRefs(s: unknown): void {
  if (Array.isArray(s)) s.forEach(renameRefs)
  else if (s && typeof s === 'object') {
    const o = s as Schema
    if (typeof o.$ref === 'string') o.$ref = `#/definitions/${rename(decodeURIComponent(refName(o.$ref)))}`
    for (const v of Object.values(o)) renameRefs(v)
  }
}
renameRefs(defs)

// 3. Restore integer types. Every schema node that admits `number` is probed through a path from a kind's root.
type Seg = { prop: string } | { index: true } | { mapKey: true }
const admitsNumber = (s: Schema) =>
  s.type === 'number' || (Array.isArray(s.type) && s.type.includes('number')) || (s.anyOf ?? []).some((a) => a.type === 'number')

interface Probe {
  node: Schema
  kind: (typeof KINDS)[number]
  path: Seg[]
}
const probes: Probe[] = []
const seenDefs = new Set<string>()
for (const k of KINDS) {
  // breadth-first, so each definition is probed through its shortest path
  const queue: Array<{ s: Schema; path: Seg[] }> = [{ s: defs[k.kind], path: [] }]
  while (queue.length > 0) {
    const { s, path } = queue.shift()!
    if (s.$ref) {
      const name = refName(s.$ref)
      if (seenDefs.has(name)) continue
      seenDefs.add(name)
      queue.push({ s: defs[name], path })
      continue
    }
    if (admitsNumber(s)) probes.push({ node: s, kind: k, path })
    for (const [p, child] of Object.entries(s.properties ?? {})) queue.push({ s: child, path: [...path, { prop: p }] })
    if (s.items) queue.push({ s: s.items, path: [...path, { index: true }] })
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      queue.push({ s: s.additionalProperties, path: [...path, { mapKey: true }] })
    for (const a of s.anyOf ?? []) queue.push({ s: a, path })
  }
}

function build(path: Seg[], leaf: unknown): { value: unknown; pointer: string } {
  let value = leaf
  let pointer = ''
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i]
    if ('prop' in seg) value = { [seg.prop]: value }
    else if ('index' in seg) value = [value]
    else value = { x: value }
  }
  for (const seg of path) pointer += 'prop' in seg ? `/${seg.prop}` : 'index' in seg ? '/0' : '/x'
  return { value, pointer }
}

function errorsAt(k: Probe['kind'], path: Seg[], leaf: unknown): Array<{ keyword: string; params: Record<string, unknown> }> {
  const { value, pointer } = build(path, leaf)
  const obj = { apiVersion: k.apiVersion, kind: k.kind, ...(value as object) }
  try {
    new k.model(obj as never).validate()
    return []
  } catch (error) {
    const errs = (error as { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> }).errors ?? []
    return errs.filter((e) => e.instancePath === pointer)
  }
}

let integers = 0
for (const { node, kind, path } of probes) {
  const fractional = errorsAt(kind, path, 1.5)
  const integerType = fractional.some((e) => e.keyword === 'type' && String(e.params.type).includes('integer'))
  // no type error: a real float (none in these kinds today) or a value like Quantity that accepts 1.5
  if (!integerType) continue
  integers++
  const format = errorsAt(kind, path, 2 ** 31).some((e) => e.keyword === 'format' && e.params.format === 'int32') ? 'int32' : 'int64'
  if (node.type === 'number') {
    node.type = 'integer'
    node.format = format
  } else if (Array.isArray(node.type)) {
    // int-or-string: no `format`, which editors would also apply to the string form
    node.type = node.type.map((t) => (t === 'number' ? 'integer' : t))
  } else if (node.anyOf) {
    for (const a of node.anyOf) if (a.type === 'number') Object.assign(a, { type: 'integer', format })
  }
}
log(`restored ${integers} integer fields (of ${probes.length} numeric schema nodes)`)

// 4. Mark the Kubernetes string formats the decoder treats specially.
if (defs.Quantity) defs.Quantity['x-kubernetes-format'] = 'quantity'
if (defs.IntOrString) defs.IntOrString['x-kubernetes-int-or-string'] = true
// managedFields[].fieldsV1 is a free-form trie the server writes; anything goes there.
if (defs.FieldsV1) delete defs.FieldsV1.additionalProperties

// 5. One document schema: the kind picks the definition (if/then works in monaco-yaml's YAML language server).
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kubelab.dev/schema/kubernetes.schema.json',
  title: 'Kubernetes objects supported by Kubelab (x-kubelab-kinds: simulated; x-kubelab-validated-kinds: validated only)',
  description: `Generated by scripts/generate-k8s-schema.ts from kubernetes-models (Kubernetes API types with field docs). Do not edit.`,
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: {
      type: 'string',
      enum: [...new Set(SIMULATED.map((k) => k.apiVersion))],
      description: 'APIVersion defines the versioned schema of this representation of an object.',
    },
    kind: {
      type: 'string',
      enum: SIMULATED.map((k) => k.kind),
      description: 'Kind is a string value representing the REST resource this object represents.',
    },
  },
  allOf: SIMULATED.map((k) => ({
    if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
    then: { $ref: `#/definitions/${k.kind}` },
  })),
  'x-kubelab-kinds': Object.fromEntries(SIMULATED.map((k) => [k.kind, { apiVersion: k.apiVersion, definition: k.kind }])),
  'x-kubelab-validated-kinds': Object.fromEntries(
    KINDS.filter((k) => !k.simulated).map((k) => [k.kind, { apiVersion: k.apiVersion, definition: k.kind }]),
  ),
  definitions: Object.fromEntries(
    Object.keys(defs)
      .sort()
      .map((n) => [n, defs[n]]),
  ),
}

mkdirSync(new URL('./', out), { recursive: true })
writeFileSync(out, `${JSON.stringify(schema, null, 1)}\n`)
log(`wrote ${out.pathname.replace(root.pathname, '')} (${Object.keys(defs).length} definitions)`)
