/** The comment views in both languages: read receipts, group sizes, the badge and the form say what they should. */
import { describe, expect, it, vi } from 'vitest'
import type { ReactNode } from 'react'
import ko from '@/messages/ko.json'
import en from '@/messages/en.json'
import koComments from '@/messages/ko/comments.json'
import enComments from '@/messages/en/comments.json'
import type { CommentForTeacher } from '@/lib/server/dal/comments'
import { formatDateTime } from '@/lib/text/dates'
import { intlRenderer } from '@/lib/testing/render'

vi.mock('server-only', () => ({}))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
const { CommentThread } = await import('@/components/teach/CommentThread')
const { CommentForm } = await import('@/components/teach/CommentForm')
const { LearnerCommentList } = await import('./LearnerCommentList')
const { UnreadCommentsBadge } = await import('@/components/site/UnreadCommentsBadge')

const renderIntl = intlRenderer({ ko: { ...ko, comments: koComments }, en: { ...en, comments: enComments } })

function render(ui: ReactNode, locale: 'ko' | 'en'): string {
  const html = renderIntl(ui, locale)
  expect(html).not.toMatch(/undefined|NaN|\{\w+\}/)
  return html
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const at = (iso: string) => new Date(iso)
const comment = (over: Partial<CommentForTeacher>): CommentForTeacher => ({
  id: 'k1',
  learnerId: 'u1',
  authorLabel: 'Ms Kim',
  mine: true,
  lessonId: 'deployment',
  exerciseId: 'deployment-web',
  submissionId: 's1',
  checkId: null,
  groupKey: null,
  groupSize: 1,
  body: 'Look at the selector.\nIt must match the labels.',
  createdAt: at('2026-12-04T08:24:00Z'),
  readAt: null,
  ...over,
})

describe('the teachers’ comment thread', () => {
  const comments = [
    comment({ id: 'k2', readAt: at('2026-12-04T13:05:00Z'), groupKey: 'g', groupSize: 9, checkId: 'selector-matches', submissionId: null }),
    comment({ id: 'k1' }),
  ]
  it('shows when each comment was read, or that it was not yet, in Korean with 오전/오후', () => {
    const html = text(
      render(
        <CommentThread
          deleteAction={async () => {}}
          classId="c1"
          comments={comments}
          empty="none"
          lessonTitles={new Map([['deployment', '8. Deployment']])}
          submissionHref={(id) => `/teach/c1/learners/u1/submissions/${id}`}
        />,
        'ko',
      ),
    )
    // dates in the runtime's zone, as the page shows them
    expect(html).toContain(`✓ 읽음 · ${formatDateTime(at('2026-12-04T13:05:00Z'), 'ko')}`)
    expect(html).toMatch(/읽음 · 2026\. 12\. \d+\. 오[전후] \d+:\d\d/)
    expect(html).toContain('아직 읽지 않음')
    expect(html).toContain('9명에게 보낸 같은 댓글')
    expect(html).toContain('검사 항목 selector-matches')
    expect(html).toContain('8. Deployment')
    expect(html).toContain(`Ms Kim · ${formatDateTime(at('2026-12-04T08:24:00Z'), 'ko')}`)
  })

  it('says the same in English, and links a comment to the attempt it answers', () => {
    const raw = render(
      <CommentThread
        deleteAction={async () => {}}
        classId="c1"
        comments={comments}
        empty="none"
        submissionHref={(id) => `/teach/c1/learners/u1/submissions/${id}`}
      />,
      'en',
    )
    const html = text(raw)
    expect(html).toContain(`✓ Read ${formatDateTime(at('2026-12-04T13:05:00Z'), 'en')}`)
    expect(html).toContain('Not read yet')
    expect(html).toContain('Sent to 9 learners')
    expect(raw.match(/href="\/teach\/c1\/learners\/u1\/submissions\/s1"/g)).toHaveLength(1) // the group comment answers no attempt
    expect(raw.match(/name="commentId" value="k[12]"/g)).toHaveLength(2)
  })

  it('shows the empty state it is given when there are no comments', () => {
    expect(
      text(render(<CommentThread deleteAction={async () => {}} classId="c1" comments={[]} empty="아직 댓글이 없습니다." />, 'ko')),
    ).toContain('아직 댓글이 없습니다.')
  })
})

describe('the comment form', () => {
  it('names its target: one attempt, or the learners of a group, whose ids it sends', () => {
    const one = render(
      <CommentForm
        action={async () => ({ status: 'idle' })}
        classId="c1"
        lessonId="deployment"
        exerciseId="deployment-web"
        learnerIds={['u1']}
        submissionId="s1"
      />,
      'ko',
    )
    expect(text(one)).toContain('이 시도에 댓글')
    expect(one).toContain('name="submissionId" value="s1"')
    expect(text(one)).toContain('0/2000자')
    const group = render(
      <CommentForm
        action={async () => ({ status: 'idle' })}
        classId="c1"
        lessonId="deployment"
        exerciseId="deployment-web"
        learnerIds={['u1', 'u2', 'u3']}
        checkId="selector-matches"
      />,
      'en',
    )
    expect(text(group)).toContain('Comment to 3 learners')
    expect(group).not.toContain('name="submissionId"')
    expect(group).toContain('name="checkId" value="selector-matches"')
    expect(group.match(/name="learnerId"/g)).toHaveLength(3)
  })
})

describe('what a learner sees', () => {
  const mine = [
    {
      id: 'a',
      className: 'Evening class',
      courseId: 'kubernetes-basics',
      lessonId: 'deployment',
      authorLabel: 'Ms Kim',
      body: 'Check the selector.',
      createdAt: '2026-12-04T08:24:00Z',
      readAt: null,
    },
    {
      id: 'b',
      className: 'Evening class',
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      authorLabel: 'Ms Kim',
      body: 'Well done.',
      createdAt: '2026-12-03T08:24:00Z',
      readAt: '2026-12-03T09:00:00Z',
    },
  ]
  it('marks the comments that were unread as new, with who wrote them, where and when', () => {
    const html = text(
      render(
        <LearnerCommentList
          comments={mine}
          fresh={new Set(['a'])}
          lessonOf={(c) => ({ href: `/courses/${c.courseId}/${c.lessonId}`, title: c.lessonId })}
        />,
        'ko',
      ),
    )
    expect(html.match(/새 댓글/g)).toHaveLength(1)
    expect(html).toContain(`Ms Kim · Evening class · ${formatDateTime('2026-12-04T08:24:00Z', 'ko')}`)
    expect(html).toContain('레슨: deployment')
    expect(text(render(<LearnerCommentList comments={mine} fresh={new Set()} />, 'en'))).not.toContain('New')
  })

  it('shows the header badge only with unread comments, with its count said in words', () => {
    for (const count of [0, null, undefined]) expect(render(<UnreadCommentsBadge count={count} />, 'ko')).toBe('')
    const ko1 = render(<UnreadCommentsBadge count={2} />, 'ko')
    expect(ko1).toContain('href="/progress#comments"')
    expect(text(ko1)).toContain('읽지 않은 선생님 댓글 2개')
    expect(text(render(<UnreadCommentsBadge count={1} />, 'en'))).toContain('1 unread comment from your teacher')
    expect(text(render(<UnreadCommentsBadge count={120} bar />, 'en'))).toContain('99+')
  })
})
