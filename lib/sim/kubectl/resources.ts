/** Resource type names and aliases kubectl accepts, and how each kind is printed. */
import { groupResource, KUBECTL_KINDS, qualifiedSingular, resourceInfo, tableOf, typeWords, type KubectlKind } from '../../k8s/registry.ts'

export type ResourceKind = KubectlKind | 'All'

/** Every type word kubectl takes (`po`, `pods`, `deployments.apps`, …) → its kind (lib/k8s/registry.ts). */
export const RESOURCE_ALIASES: Readonly<Record<string, ResourceKind>> = {
  ...Object.fromEntries(KUBECTL_KINDS.flatMap((kind) => typeWords(resourceInfo(kind)!).map((word) => [word, kind]))),
  all: 'All',
}

/** The type kubectl prints before a name: `pod/web`, `deployment.apps "web" deleted`. */
export const QUALIFIED: Readonly<Record<string, string>> = tableOf(KUBECTL_KINDS, qualifiedSingular)

/** Plural resource name as the API server words NotFound errors: `pods "x" not found`. */
export const PLURAL: Readonly<Record<string, string>> = tableOf(KUBECTL_KINDS, groupResource)

export function resolveResource(word: string): ResourceKind | undefined {
  return RESOURCE_ALIASES[word.toLowerCase()]
}

/** `deploy/web` → [Deployment, web]; undefined when the type is unknown. */
export function splitTypeName(word: string): { kind: ResourceKind; name: string } | { error: string } | undefined {
  const slash = word.indexOf('/')
  if (slash < 0) return undefined
  const type = word.slice(0, slash)
  const kind = resolveResource(type)
  if (!kind) return { error: `error: the server doesn't have a resource type "${type}"` }
  return { kind, name: word.slice(slash + 1) }
}

/** kubectl's NotFound error line (`Error from server (NotFound): pods "web" not found`). */
export function notFoundError(kind: string, name: string): string {
  return `Error from server (NotFound): ${PLURAL[kind] ?? kind.toLowerCase()} "${name}" not found\n`
}
