/**
 * The course map's shape, apart from React: which part each lesson belongs to, the `requires` edges between the
 * lessons shown, and the curve each edge is drawn as (components/lesson/CourseLessons.tsx).
 */
import type { Localized } from '@/lib/content/schemas'
import type { Locale } from '@/i18n/locales'

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
export function groupIntoParts<L extends { id: string }>(
  courseId: string,
  lessons: readonly L[],
  locale: Locale,
): Array<{ title: string | null; lessons: L[] }> {
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
  return lessons.flatMap((l) =>
    (l.requires ?? []).filter((r) => (index.get(r) ?? Infinity) < index.get(l.id)!).map((r) => ({ from: r, to: l.id })),
  )
}

/**
 * An edge drawn in the map's left gutter, `width` wide: it leaves the gutter's right edge at `y1`, bows left and
 * comes back at `y2`. `reach` (0–1) is how far it bows: the course map gives an edge that skips more lessons a
 * larger reach, so longer edges run outside shorter ones.
 */
export function edgePath(y1: number, y2: number, width: number, reach: number): string {
  // a cubic curve reaches 3/4 of the way to its control points: the widest edge comes within 2 px of the gutter's left
  const widest = Math.max(8, (width - 2) / 0.75)
  const bow = 8 + Math.max(0, Math.min(1, reach)) * (widest - 8)
  const x = width
  const r = (n: number) => Math.round(n * 10) / 10
  return `M ${r(x)} ${r(y1)} C ${r(x - bow)} ${r(y1)}, ${r(x - bow)} ${r(y2)}, ${r(x)} ${r(y2)}`
}

/** How far each edge bows (0–1), by how many lessons it spans compared with the longest edge. */
export function edgeReach(edges: readonly Edge[], lessons: readonly { id: string }[]): number[] {
  const index = new Map(lessons.map((l, i) => [l.id, i]))
  const spans = edges.map((e) => index.get(e.to)! - index.get(e.from)!)
  const longest = Math.max(1, ...spans)
  return spans.map((s) => (longest === 1 ? 0 : (s - 1) / (longest - 1)))
}
