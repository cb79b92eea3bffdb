/**
 * Storage quotas per learner (ADR 0015): stored submissions per rolling hour and in all, and the full text of
 * only the newest attempts of each exercise — older ones keep their grade, their result (the checks a teacher
 * reads) and the start of their text. Checked where submissions are written (storeSubmission), so grades and
 * imports count alike.
 */
import type { Db } from '../db/client.ts'
import { env } from '../env.ts'

export interface StorageQuota {
  submissionsPerHour: number
  submissionsTotal: number
  /** attempts per exercise whose full source is kept; older ones keep `trimmedSourceChars` characters */
  sourcesPerExercise: number
}

/** How much of an older attempt's source is kept: enough to recognise it, little enough not to matter. */
export const trimmedSourceChars = 2048

export function storageQuotaFromEnv(): StorageQuota {
  const e = env()
  return {
    submissionsPerHour: e.QUOTA_SUBMISSIONS_PER_HOUR,
    submissionsTotal: e.QUOTA_SUBMISSIONS_TOTAL,
    sourcesPerExercise: e.QUOTA_SOURCES_PER_EXERCISE,
  }
}

export type QuotaName = 'submissionsPerHour' | 'submissionsTotal'

export class QuotaExceededError extends Error {
  constructor(
    readonly quota: QuotaName,
    readonly max: number,
    /** seconds until the hourly quota has room again; null for the total */
    readonly retryAfter: number | null,
  ) {
    super(
      quota === 'submissionsPerHour'
        ? `At most ${max} stored submissions per hour; try again in ${retryAfter} s.`
        : `This account has reached its ${max} stored submissions.`,
    )
  }
}

const HOUR_MS = 3600_000

/** The quota this user's next submission would exceed, or null when it fits. */
export async function submissionQuotaExceeded(
  db: Pick<Db, 'submission'>,
  userId: string,
  quota: StorageQuota,
  now = new Date(),
): Promise<QuotaExceededError | null> {
  const since = hourlyWindowStart(now)
  const total = await db.submission.count({ where: { userId } })
  if (total >= quota.submissionsTotal) return new QuotaExceededError('submissionsTotal', quota.submissionsTotal, null)
  // the last hour holds no more than all of them: one count is enough for most learners
  if (total < quota.submissionsPerHour) return null
  const lastHour = await db.submission.count({ where: { userId, createdAt: { gt: since } } })
  if (lastHour < quota.submissionsPerHour) return null
  const oldest = await db.submission.findFirst({
    where: { userId, createdAt: { gt: since } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  })
  return hourlyQuotaExceeded(quota, oldest?.createdAt ?? null, now)
}

/** The start of the hour's window whose submissions count against the hourly quota. */
export const hourlyWindowStart = (now: Date): Date => new Date(now.getTime() - HOUR_MS)

/** The hourly quota is spent: room again when the oldest submission still in the hour's window leaves it. */
export function hourlyQuotaExceeded(quota: StorageQuota, oldestInHour: Date | null, now: Date): QuotaExceededError {
  const ms = oldestInHour ? oldestInHour.getTime() + HOUR_MS - now.getTime() : HOUR_MS
  return new QuotaExceededError('submissionsPerHour', quota.submissionsPerHour, Math.max(1, Math.ceil(ms / 1000)))
}

/** The start of a source, cut at a line end when there is one near the limit. */
export function trimmedSource(source: string): string {
  if (source.length <= trimmedSourceChars) return source
  const cut = source.slice(0, trimmedSourceChars)
  const lineEnd = cut.lastIndexOf('\n')
  // never split a surrogate pair: the cut must stay storable text
  const end = lineEnd > trimmedSourceChars / 2 ? lineEnd + 1 : /[\ud800-\udbff]$/.test(cut) ? cut.length - 1 : cut.length
  return source.slice(0, end)
}

/**
 * Keeps the full text of this user's newest `keep` attempts at an exercise; older ones keep their start.
 * After a new attempt one row leaves the newest `keep`, and every row older than it was trimmed when it left: so
 * the two rows just past the newest `keep` (one step of the (userId, exerciseId, createdAt) index) say what to do —
 * trim the first alone, or nothing. Only when the second is untrimmed too (QUOTA_SOURCES_PER_EXERCISE was lowered)
 * are all the older rows swept.
 */
export async function trimOlderSources(db: Pick<Db, 'submission'>, userId: string, exerciseId: string, keep: number): Promise<number> {
  // ordered by the index alone: an id tiebreak would sort every attempt of the exercise (attempts of one
  // millisecond then come in the index's order, which is not always the order they were written in)
  // with their text, read once: the row leaving needs its own whenever there is work to do (the other row is
  // trimmed, so short, unless the limit was lowered)
  const [leaving, older] = await db.submission.findMany({
    where: { userId, exerciseId },
    orderBy: { createdAt: 'desc' },
    skip: keep,
    take: 2,
    select: { id: true, sourceTrimmed: true, source: true },
  })
  if (!leaving || leaving.sourceTrimmed) return 0
  if (!older || older.sourceTrimmed) {
    await db.submission.update({
      where: { id: leaving.id },
      data: { source: trimmedSource(leaving.source), sourceTrimmed: true },
      select: { id: true },
    })
    return 1
  }
  // ids only: the older rows are mostly trimmed already
  const beyond = await db.submission.findMany({
    where: { userId, exerciseId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: keep,
    select: { id: true, sourceTrimmed: true },
  })
  const untrimmed = beyond.filter((row) => !row.sourceTrimmed).map((row) => row.id)
  if (untrimmed.length === 0) return 0
  const rows = await db.submission.findMany({ where: { id: { in: untrimmed } }, select: { id: true, source: true } })
  for (const row of rows)
    await db.submission.update({ where: { id: row.id }, data: { source: trimmedSource(row.source), sourceTrimmed: true } })
  return rows.length
}
