/**
 * The order of a course's lessons when studio lessons sit among file lessons (ADR 0020): each studio lesson names
 * the lesson it comes after (a file or a studio lesson; null: first). Pure, so the studio, the learners' course and
 * the tests order lessons the same way.
 */
export interface Anchored {
  lessonId: string
  afterLessonId: string | null
}

/**
 * File lessons in the course's order, each studio lesson right after its anchor (then the lessons anchored to it);
 * lessons anchored to the same one keep the order they are given in. A studio lesson whose anchor is not in the
 * course (or that is part of a cycle) goes at the end, so nothing disappears.
 */
export function orderLessonIds(fileIds: readonly string[], studio: readonly Anchored[]): string[] {
  const children = new Map<string | null, string[]>()
  for (const s of studio) children.set(s.afterLessonId, [...(children.get(s.afterLessonId) ?? []), s.lessonId])
  const out: string[] = []
  const placed = new Set<string>()
  const place = (id: string) => {
    if (placed.has(id)) return
    placed.add(id)
    out.push(id)
    for (const child of children.get(id) ?? []) place(child)
  }
  for (const child of children.get(null) ?? []) place(child)
  for (const id of fileIds) place(id)
  for (const s of studio) place(s.lessonId)
  return out
}

/** The order with `lessonId` one place earlier ('up') or later ('down'); the same order at either end. */
export function moveInOrder(order: readonly string[], lessonId: string, direction: 'up' | 'down'): string[] {
  const from = order.indexOf(lessonId)
  const to = direction === 'up' ? from - 1 : from + 1
  if (from < 0 || to < 0 || to >= order.length) return [...order]
  const next = [...order]
  ;[next[from], next[to]] = [next[to]!, next[from]!]
  return next
}

/** For an order, the anchor each studio lesson needs (its predecessor, or null when first) to be placed there. */
export function anchorsFor(order: readonly string[], studioIds: ReadonlySet<string>): Map<string, string | null> {
  const anchors = new Map<string, string | null>()
  order.forEach((id, index) => {
    if (studioIds.has(id)) anchors.set(id, index === 0 ? null : order[index - 1]!)
  })
  return anchors
}

/**
 * What learners see when some studio lessons are not published: a published lesson anchored to an unpublished one
 * takes that one's place (its anchor, walked up until a published or file lesson), so hiding a lesson never moves
 * the others to the end of the course.
 */
export function visibleAnchor(lessonId: string, all: ReadonlyMap<string, Anchored & { published: boolean }>): string | null {
  let anchor = all.get(lessonId)?.afterLessonId ?? null
  const seen = new Set([lessonId])
  while (anchor !== null) {
    const studio = all.get(anchor)
    if (!studio || studio.published) return anchor
    if (seen.has(anchor)) return null
    seen.add(anchor)
    anchor = studio.afterLessonId
  }
  return null
}
