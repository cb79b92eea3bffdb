/**
 * Resource quantities (`500m`, `64Mi`, `1e3`), parsed with the grammar and error texts of apimachinery's
 * pkg/api/resource/quantity.go. Values are plain numbers: CPU in cores, memory in bytes.
 */

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix"

export type QuantityParse = { ok: true; value: number } | { ok: false; error: string }

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }
// Decimal suffixes as powers of ten; fractions are divided (not multiplied by 0.001) so 100m === 0.1 exactly.
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const SUFFIX_CHARS = 'eEinumkKMGTP'

function scale(n: number, exponent: number): number {
  return exponent >= 0 ? n * 10 ** exponent : n / 10 ** -exponent
}

/** Parses a quantity given as YAML text or number. */
export function parseQuantityStrict(input: string | number): QuantityParse {
  const str = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : input
  if (str.length === 0) return { ok: false, error: QUANTITY_FORMAT_ERROR }
  let pos = 0
  const end = str.length
  let negative = false
  if (str[pos] === '+' || str[pos] === '-') {
    negative = str[pos] === '-'
    pos++
  }
  const numStart = pos
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++
  if (pos < end && str[pos] === '.') {
    pos++
    while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++
  }
  const numberText = str.slice(numStart, pos)
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++
  if (pos < end) return { ok: false, error: QUANTITY_FORMAT_ERROR }
  // String(1e21) is "1e+21": the exponent form is part of the grammar, so this also covers big numbers.
  const suffix = str.slice(suffixStart)
  const n = numberText === '' || numberText === '.' ? 0 : Number(numberText)
  if (Number.isNaN(n)) return { ok: false, error: QUANTITY_FORMAT_ERROR }
  let value: number
  if (Object.prototype.hasOwnProperty.call(BINARY, suffix)) value = n * BINARY[suffix]
  else if (Object.prototype.hasOwnProperty.call(DECIMAL, suffix)) value = scale(n, DECIMAL[suffix])
  else if (/^[eE][-+]?[0-9]+$/.test(suffix)) value = scale(n, Number(suffix.slice(1)))
  else return { ok: false, error: QUANTITY_SUFFIX_ERROR }
  return { ok: true, value: negative ? -value : value }
}

/** CPU `"500m"` → 0.5 (cores), memory `"64Mi"` → 67108864 (bytes). NaN when the text is not a quantity. */
export function parseQuantity(quantity: string | number): number {
  const parsed = parseQuantityStrict(quantity)
  return parsed.ok ? parsed.value : Number.NaN
}

/**
 * A resource amount for accounting (a pod's requests, a node's allocatable): the quantity's value, 0 when it is absent
 * or malformed (validation has already refused a malformed one).
 */
export function resourceAmount(quantity: string | number | undefined): number {
  if (quantity === undefined) return 0
  const value = parseQuantity(quantity)
  return Number.isFinite(value) ? value : 0
}
