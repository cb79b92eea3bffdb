/**
 * A value as a hint shows it, in both languages: numbers and booleans bare, text in double quotes, maps and lists as
 * JSON. A value that is not there is shown as `""`, never as JavaScript's `undefined`, `null` or `[object Object]`.
 */
export function shown(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '""'
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null || value === undefined) return '""'
  try {
    return JSON.stringify(value) ?? '""'
  } catch {
    return '""'
  }
}
