import { describe, expect, it } from 'vitest'
import { anchorsFor, moveInOrder, orderLessonIds, visibleAnchor } from './lesson-order.ts'

const files = ['intro', 'pod', 'deployment']

describe('orderLessonIds', () => {
  it('keeps file lessons in order and puts each studio lesson after its anchor', () => {
    expect(orderLessonIds(files, [])).toEqual(files)
    expect(orderLessonIds(files, [{ lessonId: 's1', afterLessonId: 'pod' }])).toEqual(['intro', 'pod', 's1', 'deployment'])
    expect(orderLessonIds(files, [{ lessonId: 's0', afterLessonId: null }])).toEqual(['s0', 'intro', 'pod', 'deployment'])
  })

  it('follows chains of studio lessons and keeps siblings in the given order', () => {
    const studio = [
      { lessonId: 's2', afterLessonId: 's1' },
      { lessonId: 's1', afterLessonId: 'intro' },
      { lessonId: 's3', afterLessonId: 'intro' },
    ]
    expect(orderLessonIds(files, studio)).toEqual(['intro', 's1', 's2', 's3', 'pod', 'deployment'])
  })

  it('puts a lesson whose anchor is gone, or a cycle, at the end instead of losing it', () => {
    expect(orderLessonIds(files, [{ lessonId: 's1', afterLessonId: 'removed' }])).toEqual([...files, 's1'])
    const cycle = [
      { lessonId: 'a', afterLessonId: 'b' },
      { lessonId: 'b', afterLessonId: 'a' },
    ]
    expect(orderLessonIds(files, cycle)).toEqual([...files, 'a', 'b'])
  })
})

describe('moving a lesson', () => {
  it('moves one place up or down and re-anchors every studio lesson so the order is kept', () => {
    const studio = [
      { lessonId: 's1', afterLessonId: 'pod' },
      { lessonId: 's2', afterLessonId: 's1' },
    ]
    const order = orderLessonIds(files, studio)
    expect(order).toEqual(['intro', 'pod', 's1', 's2', 'deployment'])
    const moved = moveInOrder(order, 's1', 'down')
    expect(moved).toEqual(['intro', 'pod', 's2', 's1', 'deployment'])
    const anchors = anchorsFor(moved, new Set(['s1', 's2']))
    expect(Object.fromEntries(anchors)).toEqual({ s2: 'pod', s1: 's2' })
    // the anchors, read back, give the moved order (no cycle: s1 after s2, s2 after pod)
    expect(
      orderLessonIds(
        files,
        [...anchors].map(([lessonId, afterLessonId]) => ({ lessonId, afterLessonId })),
      ),
    ).toEqual(moved)
    expect(moveInOrder(moved, 'intro', 'up')).toEqual(moved)
    expect(moveInOrder(moved, 'deployment', 'down')).toEqual(moved)
    const first = moveInOrder(moveInOrder(order, 's1', 'up'), 's1', 'up')
    expect(Object.fromEntries(anchorsFor(first, new Set(['s1', 's2'])))).toEqual({ s1: null, s2: 'pod' })
  })
})

describe('visibleAnchor', () => {
  it('walks past unpublished studio lessons to the nearest published or file lesson', () => {
    const all = new Map([
      ['s1', { lessonId: 's1', afterLessonId: 'pod', published: false }],
      ['s2', { lessonId: 's2', afterLessonId: 's1', published: true }],
      ['s3', { lessonId: 's3', afterLessonId: 's2', published: true }],
      ['s4', { lessonId: 's4', afterLessonId: null, published: false }],
      ['s5', { lessonId: 's5', afterLessonId: 's4', published: true }],
    ])
    expect(visibleAnchor('s2', all)).toBe('pod')
    expect(visibleAnchor('s3', all)).toBe('s2')
    expect(visibleAnchor('s5', all)).toBe(null)
  })
})
