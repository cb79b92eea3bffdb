/**
 * Kubernetes field paths (`spec.template.spec.containers[1].name`, `metadata.annotations[example.com/x]`),
 * built the way apimachinery's field.Path renders them, and parsed back for position lookups.
 */

type Segment = { name: string } | { index: number } | { key: string }

export class FieldPath {
  /** Use FieldPath.root() / FieldPath.of(); the constructor is for this module. */
  constructor(
    private readonly parent: FieldPath | null,
    private readonly segment: Segment | null,
  ) {}

  static root(): FieldPath {
    return ROOT
  }

  static of(...names: string[]): FieldPath {
    let p: FieldPath = ROOT
    for (const n of names) p = p.child(n)
    return p
  }

  child(name: string): FieldPath {
    return new FieldPath(this, { name })
  }

  index(i: number): FieldPath {
    return new FieldPath(this, { index: i })
  }

  /** A map key: rendered in brackets (`metadata.annotations[foo]`). */
  key(k: string): FieldPath {
    return new FieldPath(this, { key: k })
  }

  /** Path segments as plain strings (indices as numbers) — the form positions are looked up by. */
  segments(): Array<string | number> {
    const out: Array<string | number> = []
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks up the chain from this node
    for (let p: FieldPath | null = this; p && p.segment; p = p.parent) {
      const s = p.segment
      out.push('index' in s ? s.index : 'name' in s ? s.name : s.key)
    }
    return out.reverse()
  }

  /** Struct field names only (no indices, no map keys): the path Go's JSON decoder reports. */
  fieldNames(): string[] {
    const out: string[] = []
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks up the chain from this node
    for (let p: FieldPath | null = this; p && p.segment; p = p.parent) if ('name' in p.segment) out.push(p.segment.name)
    return out.reverse()
  }

  toString(): string {
    let out = ''
    const chain: Segment[] = []
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks up the chain from this node
    for (let p: FieldPath | null = this; p && p.segment; p = p.parent) chain.push(p.segment)
    for (let i = chain.length - 1; i >= 0; i--) {
      const s = chain[i]
      if ('index' in s) out += `[${s.index}]`
      else if ('key' in s) out += `[${s.key}]`
      else out += out === '' ? s.name : `.${s.name}`
    }
    return out
  }
}

const ROOT = new FieldPath(null, null)

/**
 * Splits a rendered field path into segments: `a.b[0].c[x.y/z]` → ['a', 'b', 0, 'c', 'x.y/z'].
 * Bracketed digits are list indices; any other bracketed text is a map key.
 */
export function parseFieldPath(field: string): Array<string | number> {
  const out: Array<string | number> = []
  let i = 0
  let current = ''
  const flush = () => {
    if (current !== '') out.push(current)
    current = ''
  }
  while (i < field.length) {
    const ch = field[i]
    if (ch === '.') {
      flush()
      i++
    } else if (ch === '[') {
      flush()
      const end = field.indexOf(']', i + 1)
      const inner = end < 0 ? field.slice(i + 1) : field.slice(i + 1, end)
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner)
      i = end < 0 ? field.length : end + 1
    } else {
      current += ch
      i++
    }
  }
  flush()
  return out
}

/** The rendered path of the object a rendered field path is in: `spec.template` for `spec.template.labels`, '' at the top. */
export function parentField(field: string): string {
  if (field.endsWith(']')) {
    const open = field.lastIndexOf('[')
    return open < 0 ? '' : field.slice(0, open)
  }
  const close = field.lastIndexOf(']')
  const dot = field.lastIndexOf('.')
  return dot > close ? field.slice(0, dot) : close >= 0 ? field.slice(0, close + 1) : ''
}
