/**
 * Does a server action's body decode? React encodes an action's arguments as a JSON array (its "reply"), whose
 * strings may point at other parts of a multipart body ("$K1" a FormData whose fields are named "1_…", "$@2" or
 * "$2" another JSON part named "2", "$B3" a file). React decodes them inside Next.js, and a body that names a part
 * that is not there, or a tag it does not know, ends in a 500 or a request that waits forever. This walks the
 * reply the way React's parseModelString does and says what is wrong, so proxy.ts can answer 400 first.
 * It checks the shape of the encoding only; what an action does with well-formed arguments is the action's business.
 */

/** The body's parts: a text/plain reply has none; a multipart one has its fields (strings, or files). */
export type ReplyParts = Map<string, string | 'file'>

// Tags that stand alone (a value, not a reference): $$ literal, $I Infinity, $-0/-Infinity, $N NaN, $u undefined,
// $D date, $n bigint, $T temporary reference, $H hole.
const STANDALONE = new Set(['$', 'I', '-', 'N', 'u', 'D', 'n', 'T', 'H'])
// Tags whose part is JSON (a model): $@ promise, $h server reference, $Q map, $W set, $i iterator.
const MODEL_REFERENCES = new Set(['@', 'h', 'Q', 'W', 'i'])
// Tags whose part is binary or a stream: typed arrays, $B blob, $R/$r/$X/$x streams and iterables.
const DATA_REFERENCES = new Set(['A', 'O', 'o', 'U', 'S', 's', 'L', 'l', 'G', 'g', 'M', 'm', 'V', 'B', 'R', 'r', 'X', 'x'])

const HEX_ID = /^[0-9a-f]+(:|$)/i
const MAX_DEPTH = 200

/** Null when the reply decodes; otherwise what is wrong. `rootText` is the JSON of the root (the body, or part "0"). */
export function replyProblem(rootText: string, parts: ReplyParts | null): string | null {
  let root: unknown
  try {
    root = JSON.parse(rootText)
  } catch {
    return 'the action arguments are not valid JSON'
  }
  if (!Array.isArray(root)) return 'the action arguments are not a list'
  const visited = new Set<string>()

  function part(id: string, kind: 'model' | 'data'): string | null {
    if (!parts) return `a reference to part ${id}, but the body has no parts`
    const value = parts.get(id)
    if (value === undefined) return `a reference to part ${id}, which the body does not have`
    if (kind === 'data' || visited.has(id)) return null
    visited.add(id)
    if (value === 'file') return `part ${id} should be JSON, not a file`
    try {
      return walk(JSON.parse(value), 0)
    } catch {
      return `part ${id} is not valid JSON`
    }
  }

  function reference(text: string): string | null {
    const tag = text[1]
    if (tag === undefined) return null // "$" alone is a plain string
    if (STANDALONE.has(tag)) return null
    if (tag === 'K') {
      // a FormData: fields named "<id>_…" (possibly none); only a multipart body has fields
      return HEX_ID.test(text.slice(2))
        ? parts
          ? null
          : 'a form in a body that has no parts'
        : `an unreadable form reference "${text.slice(0, 20)}"`
    }
    if (MODEL_REFERENCES.has(tag) || DATA_REFERENCES.has(tag)) {
      const id = text.slice(2).split(':')[0]!
      if (!HEX_ID.test(id)) return `an unreadable reference "${text.slice(0, 20)}"`
      return part(String(parseInt(id, 16)), MODEL_REFERENCES.has(tag) ? 'model' : 'data')
    }
    // "$<hex>" or "$<hex>:path": another JSON part
    const id = text.slice(1).split(':')[0]!
    if (!HEX_ID.test(id)) return `an unknown reference "${text.slice(0, 20)}"`
    return part(String(parseInt(id, 16)), 'model')
  }

  function walk(value: unknown, depth: number): string | null {
    if (depth > MAX_DEPTH) return 'the action arguments are nested too deeply'
    if (typeof value === 'string') return value.startsWith('$') ? reference(value) : null
    if (Array.isArray(value)) {
      for (const item of value) {
        const problem = walk(item, depth + 1)
        if (problem) return problem
      }
      return null
    }
    if (value && typeof value === 'object') {
      for (const item of Object.values(value)) {
        const problem = walk(item, depth + 1)
        if (problem) return problem
      }
    }
    return null
  }

  return walk(root, 0)
}

/**
 * A form posted without JavaScript names its action in fields: "$ACTION_ID_<id>", or "$ACTION_REF_<n>" with
 * "$ACTION_<n>:0" = {"id", "bound"} and the bound arguments in "$ACTION_<n>:<part>". Null when they decode.
 */
export function formActionProblem(fields: ReplyParts): string | null {
  for (const [name] of fields) {
    if (name.startsWith('$ACTION_ID_') && !/^[0-9a-f]{42}$/i.test(name.slice('$ACTION_ID_'.length))) return 'the form names no valid action'
    if (!name.startsWith('$ACTION_REF_')) continue
    const prefix = `$ACTION_${name.slice('$ACTION_REF_'.length)}:`
    const meta = fields.get(`${prefix}0`)
    if (typeof meta !== 'string') return 'the form refers to an action it does not describe'
    let parsed: unknown
    try {
      parsed = JSON.parse(meta)
    } catch {
      return "the form's action description is not valid JSON"
    }
    const { id, bound } = (parsed ?? {}) as { id?: unknown; bound?: unknown }
    if (typeof id !== 'string' || !/^[0-9a-f]{42}$/i.test(id)) return 'the form names no valid action'
    if (bound === null || bound === undefined) continue
    const own: ReplyParts = new Map(
      [...fields].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]),
    )
    const problem = replyProblem(JSON.stringify([bound]), own)
    if (problem) return problem
  }
  return null
}
