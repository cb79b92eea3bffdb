/** "Did you mean" for unknown fields: a near-miss among the allowed names, or where the field really goes. */
import type { FieldPath } from './field-path.ts'
import { kubernetesSchema, type JsonSchemaNode } from './kubernetes-schema.ts'

const MAX_DEPTH = 10
const locationIndex = new Map<string, Map<string, string>>()

/** For each field name, the shortest parent path (e.g. `image` → `spec.template.spec.containers[]`) in a kind. */
function locations(kind: string): Map<string, string> {
  const cached = locationIndex.get(kind)
  if (cached) return cached
  const index = new Map<string, string>()
  const defs = kubernetesSchema.definitions
  const seen = new Set<string>()
  const queue: Array<{ s: JsonSchemaNode; path: string; depth: number }> = [{ s: defs[kind], path: '', depth: 0 }]
  while (queue.length > 0) {
    const { s, path, depth } = queue.shift()!
    if (!s || depth > MAX_DEPTH) continue
    if (s.$ref) {
      const name = s.$ref.replace('#/definitions/', '')
      if (seen.has(name)) continue
      seen.add(name)
      queue.push({ s: defs[name], path, depth })
      continue
    }
    if (s.items) queue.push({ s: s.items, path: `${path}[]`, depth: depth + 1 })
    for (const [p, child] of Object.entries(s.properties ?? {})) {
      if (path === '' && p === 'status') continue // learners never write status
      if (!index.has(p)) index.set(p, path)
      queue.push({ s: child, path: path === '' ? p : `${path}.${p}`, depth: depth + 1 })
    }
  }
  locationIndex.set(kind, index)
  return index
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]
}

export function suggestField(kind: string, siblings: readonly string[], unknown: string, parent: FieldPath): { sibling?: string; elsewhere?: string } {
  const lower = unknown.toLowerCase()
  const budget = unknown.length <= 4 ? 1 : 2
  let best: string | undefined
  let bestDistance = Infinity
  for (const s of siblings) {
    const d = s.toLowerCase() === lower ? 0 : distance(lower, s.toLowerCase())
    if (d < bestDistance && d <= budget) {
      best = s
      bestDistance = d
    }
  }
  if (best) return { sibling: best }
  const where = locations(kind).get(unknown)
  if (where === undefined) return {}
  const here = parent.toString().replace(/\[[^\]]*\]/g, '[]')
  return where === here ? {} : { elsewhere: where === '' ? 'the top level' : where }
}
