/**
 * The field paths checks are written with: Kubernetes field paths (`spec.containers[0].image`) where a list item may
 * also be chosen by what it is instead of where it is, so an answer that lists its containers in another order, or
 * adds a sidecar, is graded the same:
 *
 * - `[2]` (or `.2`): the item at that position, as kubectl writes paths;
 * - `[name=web]`: the items whose field `name` is `web` (compared as text, so `ports[containerPort=80]` works; the
 *   field may be a path itself: `env[valueFrom.fieldRef.fieldPath=status.podIP]`);
 * - `[*]`: every item.
 *
 * A path with a selector names every item it matches; a field check passes when ANY of them meets its condition
 * (`containers[*].image` matches `nginx` when some container runs nginx). On a map, bracketed text stays a key
 * (`metadata.labels[app.kubernetes.io/name]`): label and annotation keys cannot contain `=` or be `*`.
 */
import { parseFieldPath } from '../k8s/field-path.ts'

type Selector = { any: true } | { field: string; equals: string }
type CheckPathSegment = string | number | Selector

function selectorOf(segment: string): Selector | null {
  if (segment === '*') return { any: true }
  const eq = segment.indexOf('=')
  return eq > 0 ? { field: segment.slice(0, eq), equals: segment.slice(eq + 1) } : null
}

function parseCheckPath(path: string): CheckPathSegment[] {
  return parseFieldPath(path).map((s) => (typeof s === 'string' ? (selectorOf(s) ?? s) : s))
}

/** A field a check path names in one object, as a plain field path (`spec.containers[1].image`) and its value. */
export interface ResolvedField {
  path: string
  value: unknown
}

export interface ResolvedCheckPath {
  /** Every field the path names, in the order of the lists; empty when a selector matched no item. */
  fields: ResolvedField[]
  /** The deepest part of the path that exists in the object (the list a selector found nothing in): for a line. */
  deepest: string
}

function render(segments: ReadonlyArray<string | number>): string {
  let out = ''
  for (const s of segments) out += typeof s === 'number' || /[.[\]]/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`
  return out
}

function child(node: unknown, segment: string | number): unknown {
  if (node === null || typeof node !== 'object') return undefined
  if (Array.isArray(node)) return typeof segment === 'number' || /^\d+$/.test(segment) ? node[Number(segment)] : undefined
  return (node as Record<string, unknown>)[String(segment)]
}

function valueAtSegments(node: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = node
  for (const s of segments) current = child(current, s)
  return current
}

function selects(item: unknown, selector: Selector): boolean {
  if ('any' in selector) return true
  const value = valueAtSegments(item, parseFieldPath(selector.field))
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === selector.equals
}

/** Resolves a check path in an object (the submitted object after defaults). */
export function resolveCheckPath(object: unknown, path: string): ResolvedCheckPath {
  type Branch = { at: Array<string | number>; node: unknown }
  let branches: Branch[] = [{ at: [], node: object }]
  let deepest: Array<string | number> = []
  for (const segment of parseCheckPath(path)) {
    const next: Branch[] = []
    for (const { at, node } of branches) {
      if (typeof segment === 'object') {
        if (Array.isArray(node)) node.forEach((item, i) => selects(item, segment) && next.push({ at: [...at, i], node: item }))
        else if (node !== null && typeof node === 'object') {
          // a map: the bracketed text was a key after all
          const key = 'any' in segment ? '*' : `${segment.field}=${segment.equals}`
          next.push({ at: [...at, key], node: (node as Record<string, unknown>)[key] })
        } else next.push({ at: [...at, '*'], node: undefined })
      } else {
        const index = Array.isArray(node) && typeof segment === 'string' && /^\d+$/.test(segment) ? Number(segment) : segment
        next.push({ at: [...at, index], node: child(node, segment) })
      }
    }
    if (next.length === 0) return { fields: [], deepest: render(deepest) }
    const present = next.find((b) => b.node !== undefined)
    if (present) deepest = present.at
    branches = next
  }
  return { fields: branches.map((b) => ({ path: render(b.at), value: b.node })), deepest: render(deepest) }
}
