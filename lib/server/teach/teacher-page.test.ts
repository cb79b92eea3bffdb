import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Viewer } from '../dal/viewer.ts'

vi.mock('server-only', () => ({}))
// Next's redirect, forbidden and notFound end the render by throwing; here they throw what they were asked
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`)
  },
  forbidden: () => {
    throw new Error('forbidden')
  },
  notFound: () => {
    throw new Error('notFound')
  },
}))
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }))
vi.mock('../viewer.ts', () => ({ currentViewer: async () => signedIn.viewer }))
const { teacherPage } = await import('./teacher-page.ts')

describe('the teacher pages’ gate', () => {
  const reads: unknown[][] = []
  const page = teacherPage(async (viewer, classId: string, learnerId: string) => {
    reads.push([viewer.id, classId, learnerId])
    return classId === 'mine' ? { classId, learnerId } : null
  })
  beforeEach(() => {
    reads.length = 0
  })

  it('sends a visitor to sign in and back to the page, each segment of its path encoded', async () => {
    signedIn.viewer = null
    await expect(page.open(['teach', 'a b/c', 'learners', 'u?1'], 'a b/c', 'u?1')).rejects.toThrow(
      'redirect /signin?next=/teach/a%20b%2Fc/learners/u%3F1',
    )
    expect(await page.find('mine', 'u1')).toBeNull()
    expect(reads).toEqual([])
  })

  it('refuses anyone but a teacher with 403, reading nothing, and gives their page title nothing to name', async () => {
    for (const role of ['learner', 'author'] as const) {
      signedIn.viewer = { id: role, role }
      await expect(page.open(['teach', 'mine'], 'mine', 'u1')).rejects.toThrow('forbidden')
      expect(await page.find('mine', 'u1')).toBeNull()
    }
    expect(reads).toEqual([])
  })

  it('answers 404 when the class is not the teacher’s to see', async () => {
    signedIn.viewer = { id: 't', role: 'teacher' }
    await expect(page.open(['teach', 'theirs'], 'theirs', 'u1')).rejects.toThrow('notFound')
    expect(reads).toEqual([['t', 'theirs', 'u1']])
  })

  it('opens the page for its teacher and for an admin, with what was read for them', async () => {
    for (const viewer of [
      { id: 't', role: 'teacher' },
      { id: 'a', role: 'admin' },
    ] as const) {
      signedIn.viewer = viewer
      expect(await page.open(['teach', 'mine'], 'mine', 'u1')).toEqual({ viewer, found: { classId: 'mine', learnerId: 'u1' } })
      expect(await page.find('mine', 'u1')).toEqual({ classId: 'mine', learnerId: 'u1' })
    }
    expect(reads).toContainEqual(['a', 'mine', 'u1'])
  })
})
