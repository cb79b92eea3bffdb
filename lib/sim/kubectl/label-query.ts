/** `-l` label selector strings: `app=web`, `app!=web`, `tier in (a,b)`, `tier notin (a)`, `app`, `!app`. */

export type Requirement = { key: string; op: '=' | '!=' | 'in' | 'notin' | 'exists' | '!exists'; values: string[] }

export function parseLabelQuery(text: string): Requirement[] | { error: string } {
  const reqs: Requirement[] = []
  const parts: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(cur)
      cur = ''
    } else cur += ch
  }
  parts.push(cur)
  for (const raw of parts) {
    const p = raw.trim()
    if (!p) return { error: `error: unable to parse requirement: found '', expected: identifier` }
    let m = /^([A-Za-z0-9_./-]+)\s*(==|=|!=)\s*([A-Za-z0-9_.-]*)$/.exec(p)
    if (m) {
      reqs.push({ key: m[1]!, op: m[2] === '!=' ? '!=' : '=', values: [m[3]!] })
      continue
    }
    m = /^([A-Za-z0-9_./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p)
    if (m) {
      reqs.push({
        key: m[1]!,
        op: m[2] as 'in' | 'notin',
        values: m[3]!
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      })
      continue
    }
    m = /^(!?)([A-Za-z0-9_./-]+)$/.exec(p)
    if (m) {
      reqs.push({ key: m[2]!, op: m[1] ? '!exists' : 'exists', values: [] })
      continue
    }
    return { error: `error: unable to parse requirement: ${JSON.stringify(p)}` }
  }
  return reqs
}

export function matchesQuery(reqs: Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {}
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    switch (r.op) {
      case '=':
        return l[r.key] === r.values[0]
      case '!=':
        return l[r.key] !== r.values[0]
      case 'in':
        return has && r.values.includes(l[r.key]!)
      case 'notin':
        return !has || !r.values.includes(l[r.key]!)
      case 'exists':
        return has
      case '!exists':
        return !has
    }
  })
}
