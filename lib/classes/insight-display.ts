/** How the insight pages show a duration and a long source: pure helpers beside the components. */

/** A duration in whole units for people: minutes under an hour, hours and minutes under a day, then days and hours. */
export function durationParts(
  ms: number,
):
  { unit: 'minutes'; minutes: number } | { unit: 'hours'; hours: number; minutes: number } | { unit: 'days'; days: number; hours: number } {
  const minutesTotal = Math.max(0, Math.round(ms / 60_000))
  if (minutesTotal < 60) return { unit: 'minutes', minutes: minutesTotal }
  const hoursTotal = Math.floor(minutesTotal / 60)
  if (hoursTotal < 24) return { unit: 'hours', hours: hoursTotal, minutes: minutesTotal % 60 }
  return { unit: 'days', days: Math.floor(hoursTotal / 24), hours: hoursTotal % 24 }
}

/**
 * The part of a long source worth showing around the lines a mistake points at: the whole source when it is short,
 * else `maxLines` lines starting a few lines before the first marked one. `firstLine` is the 1-based number of the
 * first line shown.
 */
export function sourceExcerpt(
  source: string,
  marked: readonly number[],
  maxLines = 60,
): { firstLine: number; lines: string[]; cut: boolean } {
  const all = source.split('\n')
  if (all.length <= maxLines) return { firstLine: 1, lines: all, cut: false }
  const first = marked.length ? Math.min(...marked) : 1
  const start = Math.max(1, Math.min(first - 5, all.length - maxLines + 1))
  return { firstLine: start, lines: all.slice(start - 1, start - 1 + maxLines), cut: true }
}
