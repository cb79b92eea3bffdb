import type { Db } from '../db/client.ts'
import { assertStorable } from './text.ts'
import { requireViewer, type Viewer } from './viewer.ts'

export const maxDraftBytes = 256 * 1024

/** The learner's latest text per exercise, so another device (or a cleared browser) loses nothing. */
export function draftsDal(db: Db) {
  return {
    async save(viewer: Viewer | null, exerciseId: string, source: string): Promise<void> {
      const user = requireViewer(viewer)
      assertStorable({ source })
      const key = { userId: user.id, exerciseId }
      await db.exerciseDraft.upsert({ where: { userId_exerciseId: key }, create: { ...key, source }, update: { source } })
    },
    async load(viewer: Viewer | null, exerciseId: string): Promise<string | null> {
      const user = requireViewer(viewer)
      const draft = await db.exerciseDraft.findUnique({ where: { userId_exerciseId: { userId: user.id, exerciseId } } })
      return draft?.source ?? null
    },
  }
}
