/**
 * The objects a command names: `TYPE NAME...`, `TYPE1,TYPE2 NAME...` or `TYPE/NAME...` (kubectl's resource builder),
 * and the stored object each one is. Shared by the mutating verbs, create, patch and set env/resources.
 */
import { keyOf, type AnyObject, type Kind } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { resolveResource, splitTypeName } from './resources.ts'

export type Target = { kind: Kind; name: string }

/** `TYPE NAME...`, `TYPE1,TYPE2 NAME...`, `TYPE/NAME...`; errors worded like kubectl's. */
export function targets(args: string[]): Target[] | { error: string } {
  if (args.length === 0) return { error: 'error: You must provide one or more resources by argument or filename.' }
  const out: Target[] = []
  if (args[0]!.includes('/')) {
    for (const a of args) {
      const s = splitTypeName(a)
      if (!s)
        return {
          error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form`,
        }
      if ('error' in s) return { error: s.error }
      out.push({ kind: s.kind as Kind, name: s.name })
    }
    return out
  }
  // `deploy,svc web api`: every name of every type, types first (the resource builder's order)
  for (const type of args[0]!.split(',')) {
    const kind = resolveResource(type)
    if (!kind) return { error: `error: the server doesn't have a resource type "${type}"` }
    for (const n of args.slice(1)) out.push({ kind: kind as Kind, name: n })
  }
  // a type alone names nothing (the resource builder's words; -l and --all are handled before this)
  if (out.length === 0) return { error: 'error: resource(s) were provided, but no name was specified' }
  return out
}

export function lookup(state: ClusterState, t: Target, namespace: string): AnyObject | undefined {
  const map = state.objects[t.kind]
  if (!map) return undefined
  return map.get(t.kind === 'Node' || t.kind === 'Namespace' ? t.name : keyOf(namespace, t.name))
}
