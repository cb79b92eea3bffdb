/**
 * A class's progress over time (issue 17): lessons completed per day, for the whole class and per learner, and each
 * learner's last activity, from their lesson progress (`LessonProgress.completedAt`, `updatedAt`). Pure: the
 * moment "today" is and the time zone days are counted in are passed in.
 *
 * Days are calendar days in `timeZone` (the zone the pages show dates in), as "YYYY-MM-DD". The window ends today
 * and starts at the first completion, at most `maxDays` and at least `minDays` days long; completions before it
 * are counted in `earlier`, so the totals still add up.
 */

export interface TimelineRecord {
  userId: string
  /** when the lesson was first completed; null or absent while it is not */
  completedAt?: Date | null
  /** the latest change to this progress (opened, attempted, completed) */
  updatedAt?: Date | null
}

export interface TimelineDay {
  /** "YYYY-MM-DD" in the time zone asked for */
  day: string
  completed: number
}

export interface DailyCompletions {
  days: TimelineDay[]
  /** completions inside the window */
  total: number
  /** completions before the window */
  earlier: number
  /** the most completed on one day in the window (0 when none) */
  peak: number
}

export interface ProgressTimeline {
  /** the whole class */
  class: DailyCompletions
  /** each learner asked for, on the same days as the class */
  learners: Map<string, DailyCompletions>
  /** each learner's latest progress, completions included; null when they have none */
  lastActivity: Map<string, Date | null>
}

export interface TimelineOptions {
  now: Date
  /** an IANA zone such as "Asia/Seoul"; the runtime's zone when left out */
  timeZone?: string
  maxDays?: number
  minDays?: number
}

const DAY_MS = 86_400_000

// one formatter per zone: a class of 200 learners × 30 lessons asks for thousands of days per page view
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** A moment's calendar day in a time zone, "YYYY-MM-DD". */
export function dayKey(moment: Date, timeZone?: string): string {
  let format = dayFormats.get(timeZone ?? '')
  if (!format)
    dayFormats.set(
      timeZone ?? '',
      (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    )
  // "11/20/2026": format() is several times faster than formatToParts(), which stays for anything else
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(format.format(moment))
  if (m) return `${m[3]}-${m[1]}-${m[2]}`
  const parts = format.formatToParts(moment)
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** The day `offset` days after a day key (calendar arithmetic, so no daylight-saving shift can skip or repeat one). */
export function addDays(day: string, offset: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d) + offset * DAY_MS).toISOString().slice(0, 10)
}

function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    return Date.UTC(y, m - 1, d)
  }
  return Math.round((utc(to) - utc(from)) / DAY_MS)
}

/** The window's days, from the first completion (bounded by maxDays and minDays) to today. */
function windowDays(firstDay: string | null, options: TimelineOptions): string[] {
  const maxDays = Math.max(1, Math.trunc(options.maxDays ?? 60))
  const minDays = Math.min(maxDays, Math.max(1, Math.trunc(options.minDays ?? 14)))
  const today = dayKey(options.now, options.timeZone)
  const span = firstDay === null ? minDays : Math.min(maxDays, Math.max(minDays, daysBetween(firstDay, today) + 1))
  return Array.from({ length: span }, (_, i) => addDays(today, i - span + 1))
}

function count(completionDays: string[], days: string[]): DailyCompletions {
  const index = new Map(days.map((d, i) => [d, i]))
  const counts = days.map(() => 0)
  let earlier = 0
  for (const day of completionDays) {
    const i = index.get(day)
    if (i !== undefined) counts[i]!++
    else if (day < days[0]!) earlier++
    // a completion after today (a clock ahead of the server's) is left out rather than drawn in the future
  }
  const total = counts.reduce((a, b) => a + b, 0)
  return { days: days.map((day, i) => ({ day, completed: counts[i]! })), total, earlier, peak: Math.max(0, ...counts) }
}

/** Completions per day of these records (all of one class, or one learner's). */
export function dailyCompletions(records: readonly TimelineRecord[], options: TimelineOptions): DailyCompletions {
  return countFromDays(
    records.flatMap((r) => (r.completedAt ? [dayKey(r.completedAt, options.timeZone)] : [])),
    options,
  )
}

function countFromDays(completionDays: string[], options: TimelineOptions): DailyCompletions {
  const first = completionDays.reduce<string | null>((a, b) => (a === null || b < a ? b : a), null)
  return count(completionDays, windowDays(first, options))
}

/**
 * The class's completions per day, each learner's on the same days, and each learner's last activity; records of
 * anyone not among `learnerIds` (someone who left the class) count nowhere.
 */
export function progressTimeline(
  records: readonly TimelineRecord[],
  learnerIds: readonly string[],
  options: TimelineOptions,
): ProgressTimeline {
  const byLearner = new Map<string, string[]>(learnerIds.map((id) => [id, []]))
  const lastActivity = new Map<string, Date | null>(learnerIds.map((id) => [id, null]))
  const allDays: string[] = []
  for (const r of records) {
    const mine = byLearner.get(r.userId)
    if (!mine) continue // not one of the learners asked for
    if (r.completedAt) {
      const day = dayKey(r.completedAt, options.timeZone)
      mine.push(day)
      allDays.push(day)
    }
    for (const moment of [r.updatedAt, r.completedAt]) {
      const seen = lastActivity.get(r.userId)
      if (moment && (!seen || moment > seen)) lastActivity.set(r.userId, moment)
    }
  }
  const classDays = countFromDays(allDays, options)
  const days = classDays.days.map((d) => d.day)
  return { class: classDays, learners: new Map([...byLearner].map(([id, list]) => [id, count(list, days)])), lastActivity }
}
