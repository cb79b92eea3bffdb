import { describe, expect, it, vi } from 'vitest'
import { myCommentsOn } from './comments-api'

const comment = {
  id: 'c1',
  classId: 'class-1',
  className: '2-A',
  courseId: 'basics',
  lessonId: 'deployment',
  exerciseId: 'deployment-web',
  submissionId: null,
  authorLabel: 'Ms Kim',
  body: 'The selector must match the template labels.',
  createdAt: '2026-11-02T10:00:00.000Z',
  readAt: null,
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('myCommentsOn', () => {
  it("asks for one exercise's comments, never from a cache, and reads what the learner's list shows", async () => {
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json({ comments: [comment], unread: 1 }))
    const answer = await myCommentsOn('deployment web', fetchMock)
    expect(fetchMock).toHaveBeenCalledWith('/api/me/comments?exerciseId=deployment%20web', {
      cache: 'no-store',
      credentials: 'same-origin',
    })
    expect(answer).toEqual({
      status: 'ok',
      comments: [
        {
          id: 'c1',
          className: '2-A',
          courseId: 'basics',
          lessonId: 'deployment',
          authorLabel: 'Ms Kim',
          body: comment.body,
          createdAt: comment.createdAt,
          readAt: null,
        },
      ],
    })
  })

  it('tells a learner who signed out meanwhile from a failure', async () => {
    expect(await myCommentsOn('x', async () => json({ error: 'unauthorized' }, 401))).toEqual({ status: 'signedOut' })
    expect(await myCommentsOn('x', async () => json({ error: 'boom' }, 500))).toEqual({ status: 'failed' })
    expect(await myCommentsOn('x', async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ status: 'failed' })
  })

  it('fails on an answer of another shape instead of listing undefined fields', async () => {
    for (const body of [{}, { comments: [{ ...comment, body: 3 }] }, { comments: [{ ...comment, createdAt: undefined }] }]) {
      expect(await myCommentsOn('x', async () => json(body))).toEqual({ status: 'failed' })
    }
    expect(await myCommentsOn('x', async () => new Response('<html>', { status: 200 }))).toEqual({ status: 'failed' })
  })
})
