/** Numbers of the insight pages as people read them: whole percents, a median that may end in .5, a duration. */
import { durationParts } from '@/lib/classes/insight-display'

export type Translate = (key: string, values?: Record<string, string | number>) => string

/** A share 0–1 as a whole percent. */
export const percent = (share: number) => Math.round(share * 100)

/** A median: whole, or with one decimal (2.5). */
export const medianValue = (value: number) => Math.round(value * 10) / 10

/** "1시간 20분" / "1 h 20 min", with the `insight` namespace's translator. */
export function formatDuration(ms: number, t: Translate): string {
  const parts = durationParts(ms)
  const { unit, ...values } = parts
  return t(`duration.${unit}`, values)
}
