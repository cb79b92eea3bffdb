/**
 * A due date in a `<input type="datetime-local">` (the teacher's own time zone, the browser's) and back to an ISO
 * moment the server stores, and which of a teacher's edits change anything. Pure apart from the runtime's time zone,
 * which is the point: in the browser it is the teacher's.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** "2026-11-20T15:00" in the runtime's time zone, for the input's value; '' for no date. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The moment an input's value names in the runtime's time zone, as ISO; null for an empty or malformed value. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const date = new Date(y, mo - 1, d, h, mi, s)
  // new Date rolls 2026-02-30 over to March: such a value names no day
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null
  return date.toISOString()
}

export interface DeadlineEdit {
  lessonId: string
  /** ISO, or null to remove the due date */
  dueAt: string | null
}

/**
 * The changes a save sends: the lessons whose input now names another minute than the stored due date (or clears
 * one that was set), in the order of `lessonIds`. `edits` holds what the teacher typed ('' for cleared); a lesson
 * not edited changes nothing. A malformed value is left out here: the editor refuses to save while one is shown.
 */
export function deadlineChanges(
  lessonIds: readonly string[],
  stored: ReadonlyMap<string, string>,
  edits: Readonly<Record<string, string>>,
): DeadlineEdit[] {
  const minute = (iso: string | null) => (iso === null ? null : Math.floor(new Date(iso).getTime() / 60_000))
  return lessonIds.flatMap((lessonId) => {
    if (!Object.hasOwn(edits, lessonId)) return []
    const value = edits[lessonId]!
    const next = value === '' ? null : fromLocalInput(value)
    if (value !== '' && next === null) return []
    return minute(next) === minute(stored.get(lessonId) ?? null) ? [] : [{ lessonId, dueAt: next }]
  })
}
