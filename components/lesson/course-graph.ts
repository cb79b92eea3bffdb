/**
 * The course map's shape, apart from React: which part each lesson belongs to, the `requires` edges between the
 * lessons shown, and the curve each edge is drawn as (components/lesson/CourseLessons.tsx).
 */
import type { Localized } from '@/lib/content/schemas'

export interface CoursePart {
  /** the first lesson of the part; every lesson after it, up to the next part's first, belongs to it */
  first: string
  title: Localized
}

/**
 * A course's parts, by course id. A course not listed here is one part with no heading. (course.yaml has no
 * `parts:` yet; when it does, this moves there.)
 */
export const courseParts: Record<string, readonly CoursePart[]> = {
  'kubernetes-basics': [
    { first: 'intro', title: { ko: '1부 · 클러스터와 Pod', en: 'Part 1 · The cluster and Pods' } },
    { first: 'deployment', title: { ko: '2부 · Deployment', en: 'Part 2 · Deployments' } },
    { first: 'service', title: { ko: '3부 · Service', en: 'Part 3 · Services' } },
  ],
}

/**
 * The lessons in order, cut into the course's parts; a part whose first lesson is missing (a course still being
 * written) is left out, its lessons staying in the part before. Lessons before every part's first (none in a
 * well-formed course) make an untitled part of their own.
 */
export function groupIntoParts<L extends { id: string }>(courseId: string, lessons: readonly L[], locale: 'ko' | 'en'): Array<{ title: string | null; lessons: L[] }> {
  const starts = new Map((courseParts[courseId] ?? []).map((p) => [p.first, p.title[locale]] as const))
  const groups: Array<{ title: string | null; lessons: L[] }> = []
  for (const lesson of lessons) {
    const title = starts.get(lesson.id)
    if (title !== undefined || groups.length === 0) groups.push({ title: title ?? null, lessons: [] })
    groups.at(-1)!.lessons.push(lesson)
  }
  return groups
}

export interface Edge {
  /** the lesson required (above) */
  from: string
  /** the lesson that builds on it (below) */
  to: string
}

/** The `requires` edges among the lessons shown, each from an earlier lesson to a later one. */
export function requireEdges(lessons: readonly { id: string; requires?: readonly string[] }[]): Edge[] {
  const index = new Map(lessons.map((l, i) => [l.id, i]))
  return lessons.flatMap((l) => (l.requires ?? []).filter((r) => (index.get(r) ?? Infinity) < index.get(l.id)!).map((r) => ({ from: r, to: l.id })))
}

/**
 * An edge drawn in the map's left gutter, `width` wide: it leaves the gutter's right edge at `y1`, bows left (further
 * for a longer edge, so edges that span more stay outside shorter ones) and comes back at `y2`.
 */
export function edgePath(y1: number, y2: number, width: number): string {
  const span = Math.abs(y2 - y1)
  const bow = Math.min(width - 3, 8 + Math.sqrt(span) * 1.6)
  const x = width
  const r = (n: number) => Math.round(n * 10) / 10
  return `M ${r(x)} ${r(y1)} C ${r(x - bow)} ${r(y1)}, ${r(x - bow)} ${r(y2)}, ${r(x)} ${r(y2)}`
}
