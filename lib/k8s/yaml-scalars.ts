/**
 * Scalar resolution as kubectl's decoder (go-yaml v2, resolve.go) does it, applied to the `yaml` package's
 * failsafe parse: plain `yes`/`on`/`y` are booleans, `0777` is octal, `1_000` is 1000, timestamps stay text.
 * Quoted and block scalars are always strings.
 */

const BOOL_NULL = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((s) => [s, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Number.POSITIVE_INFINITY] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, Number.NEGATIVE_INFINITY] as const),
])

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
// strconv.ParseInt(s, 0, 64): optional sign, then 0x / 0o / 0b / leading-0 octal / decimal
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/

function goInt(text: string): number {
  const negative = text.startsWith('-')
  const body = text.replace(/^[-+]/, '')
  let n: number
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16)
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2)
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8)
  else if (body.length > 1 && body.startsWith('0')) n = parseInt(body.slice(1), 8)
  else n = Number(body)
  return negative ? -n : n
}

// First characters of the words in BOOL_NULL besides digits/signs/dots: y Y n N t T f F o O ~ (and '' for empty).
const WORD_STARTS = new Set([0x79, 0x59, 0x6e, 0x4e, 0x74, 0x54, 0x66, 0x46, 0x6f, 0x4f, 0x7e])

/** The value of a plain (unquoted) scalar. */
export function resolvePlain(text: string): unknown {
  if (text.length === 0) return null
  const first = text.charCodeAt(0)
  // most plain scalars are names like `web` or `nginx:1.27`: one char test rules out every special value
  const letter = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first === 0x2f
  if (letter && !WORD_STARTS.has(first)) return text
  const special = BOOL_NULL.get(text)
  if (special !== undefined || BOOL_NULL.has(text)) return special
  // only digits, signs and dots can start a number or a timestamp
  const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e
  if (!numeric) return text
  if (first !== 0x2e && TIMESTAMP.test(text)) return text // go-yaml keeps timestamps as strings in untyped maps
  const plain = text.includes('_') ? text.replaceAll('_', '') : text
  if (GO_INT.test(plain)) return goInt(plain)
  if (YAML_STYLE_FLOAT.test(plain)) return Number(plain)
  return text
}

const TAG_PREFIX = 'tag:yaml.org,2002:'

export type TaggedValue = { ok: true; value: unknown } | { ok: false; error: string }

/** A scalar with an explicit tag (`!!str 3`, `!!int "3"`); unknown local tags are ignored, as go-yaml does. */
export function resolveTagged(text: string, tag: string, plain: boolean): TaggedValue {
  const short = tag.startsWith(TAG_PREFIX) ? tag.slice(TAG_PREFIX.length) : null
  if (short === null || short === 'str' || short === 'binary' || short === 'timestamp')
    return { ok: true, value: plain && short === null ? resolvePlain(text) : text }
  const value = resolvePlain(text)
  const kind =
    value === null
      ? 'null'
      : typeof value === 'boolean'
        ? 'bool'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'int'
            : 'float'
          : 'str'
  if (kind === short || (short === 'float' && kind === 'int')) return { ok: true, value }
  if (short === 'map' || short === 'seq' || short === 'merge') return { ok: true, value }
  return { ok: false, error: `cannot decode !!str \`${text}\` as a !!${short}` }
}
