/** The views of issue 17's deadlines part, rendered in both languages: no missing message, no "undefined". */
import { describe, expect, it, vi } from 'vitest'
import type { ReactNode } from 'react'
import { createTranslator } from 'next-intl'
import koDeadlines from '@/messages/ko/deadlines.json'
import enDeadlines from '@/messages/en/deadlines.json'
import koTeach from '@/messages/ko/teach.json'
import enTeach from '@/messages/en/teach.json'
import { buildProgressMatrix } from '@/lib/classes/progress-matrix'
import { dailyCompletions } from '@/lib/classes/progress-timeline'
import type { LearnerDue } from '@/lib/classes/deadlines'
import { intlRenderer } from '@/lib/testing/render'

process.env.TZ = 'UTC' // the pages format in the runtime's zone: one zone for these tests wherever they run

const MESSAGES = { ko: { deadlines: koDeadlines, teach: koTeach }, en: { deadlines: enDeadlines, teach: enTeach } }
const errors: string[] = []
const locale = vi.hoisted(() => ({ current: 'ko' as 'ko' | 'en' }))

// the server components ask next-intl/server for their messages: answered from the files, errors collected
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({
      locale: locale.current,
      messages: MESSAGES[locale.current],
      namespace: namespace as never,
      timeZone: 'UTC',
      onError: (e) => errors.push(e.message),
    }),
}))
const { ProgressChart, chartMax } = await import('./ProgressChart')
const { ProgressMatrix } = await import('./ProgressMatrix')
const { DeadlinesEditor } = await import('./DeadlinesEditor')
const { CourseDeadlines, LessonDueBadge, dueByLesson } = await import('../lesson/CourseDeadlines')

const renderIntl = intlRenderer(MESSAGES, { errors })

function render(ui: ReactNode, lang: 'ko' | 'en'): string {
  const html = renderIntl(ui, lang)
  expect(html).not.toMatch(/undefined|NaN|\[object /)
  return html
}
async function renderServer(component: () => Promise<ReactNode>, lang: 'ko' | 'en'): Promise<string> {
  locale.current = lang
  return render(await component(), lang)
}

const now = new Date('2026-11-20T03:00:00Z')
const at = (iso: string) => new Date(iso)

describe('the progress chart', () => {
  const data = dailyCompletions(
    [
      { userId: 'a', completedAt: at('2026-11-18T01:00:00Z') },
      { userId: 'b', completedAt: at('2026-11-18T05:00:00Z') },
      { userId: 'b', completedAt: at('2026-11-20T01:00:00Z') },
      { userId: 'a', completedAt: at('2026-09-01T01:00:00Z') },
    ],
    { now, timeZone: 'UTC', maxDays: 30 },
  )

  it.each(['ko', 'en'] as const)('draws a bar per day with completions, names itself and lists every day in a table (%s)', async (lang) => {
    const html = await renderServer(() => ProgressChart({ id: 'c', data, title: 'T', locale: lang, emptyText: 'E' }), lang)
    expect(html.match(/class="pc-chart-bar"/g)).toHaveLength(2)
    expect(html).toContain('role="img" aria-labelledby="c-summary"')
    expect(html.match(/<tr>/g)).toHaveLength(31) // the header and 30 days
    if (lang === 'ko') {
      expect(html).toContain('2026. 10. 22.부터 2026. 11. 20.까지 레슨 3개를 완료했습니다. 하루에 가장 많이 완료한 수는 2개입니다.')
      expect(html).toContain('전에 완료한 레슨 1개가 더 있습니다.')
    } else {
      expect(html).toContain('3 lessons completed from Oct 22, 2026 to Nov 20, 2026; most in one day: 2.')
      expect(html).toContain('1 more completed before Oct 22, 2026.')
    }
  })

  it('says so when nothing was completed, and shows the last activity when asked', async () => {
    const empty = dailyCompletions([], { now, timeZone: 'UTC' })
    const html = await renderServer(
      () => ProgressChart({ id: 'c', data: empty, title: 'T', locale: 'en', emptyText: 'Nothing yet.', lastActivity: null }),
      'en',
    )
    expect(html).toContain('Nothing yet.')
    expect(html).toContain('No activity yet.')
    expect(html).not.toContain('<svg')
  })

  it('rounds the y axis up to 4, 10, 20, then steps of 20', () => {
    expect([0, 3, 4, 5, 10, 11, 20, 21, 45].map(chartMax)).toEqual([4, 4, 4, 10, 10, 20, 20, 40, 60])
  })
})

describe('the matrix with due dates', () => {
  const lessons = [
    { id: 'pod', number: 1, title: 'Pod', graded: true, dueAt: at('2026-11-10T15:00:00Z') },
    { id: 'svc', number: 2, title: 'Service', graded: true, dueAt: at('2026-11-12T15:00:00Z') },
    { id: 'extra', number: 3, title: 'Extra', graded: false },
  ]
  const learners = [{ id: 'u', name: 'Yuna', email: 'yuna@example.com', joinedAt: at('2026-11-01T00:00:00Z') }]
  const records = [
    {
      userId: 'u',
      lessonId: 'pod',
      status: 'completed',
      attempts: 1,
      bestScore: 1,
      updatedAt: at('2026-11-11T00:00:00Z'),
      completedAt: at('2026-11-11T00:00:00Z'),
    },
  ]
  const matrix = buildProgressMatrix(lessons, learners, records, [], { now })

  it.each(['ko', 'en'] as const)(
    'marks the late and the overdue cell in words and shapes, and the lessons’ due dates (%s)',
    async (lang) => {
      const html = await renderServer(() => ProgressMatrix({ matrix, locale: lang, classId: 'c1' }), lang)
      expect(html.match(/data-testid="deadline-mark"/g)).toHaveLength(2)
      expect(html).toMatch(/<td class="cell" data-state="completed" data-deadline="late"/)
      expect(html).toMatch(/<td class="cell" data-state="none" data-deadline="overdue"/)
      expect(html.match(/class="due-flag"/g)).toHaveLength(2)
      expect(html).toContain(
        lang === 'ko' ? 'title="1. 완료, 1번 시도, 최고 100%, 늦게 완료"' : 'title="1. completed, 1 attempt, best 100%, completed late"',
      )
      expect(html).toContain(lang === 'ko' ? '마감 2026. 11. 10.' : 'due Nov 10, 2026')
      expect(html).toContain(lang === 'ko' ? '완료하지 못하고 마감 지남' : 'not completed and past its due date')
    },
  )

  it('shows no deadline legend or marks in a class without due dates', async () => {
    const plain = buildProgressMatrix(
      lessons.map((l) => ({ ...l, dueAt: null })),
      learners,
      records,
      [],
      { now },
    )
    const html = await renderServer(() => ProgressMatrix({ matrix: plain, locale: 'en', classId: 'c1' }), 'en')
    expect(html).not.toContain('deadline-mark')
    expect(html).not.toContain('past its due date')
  })
})

describe('the due-date editor', () => {
  const lessons = [
    { id: 'pod', number: 1, title: 'Pod', graded: true },
    { id: 'svc', number: 2, title: 'Service', graded: true },
  ]
  it.each(['ko', 'en'] as const)(
    'renders a labelled, disabled input per lesson until it runs in the browser, with nothing to save (%s)',
    (lang) => {
      const html = render(
        <DeadlinesEditor
          action={async (s) => s}
          classId="c1"
          lessons={lessons}
          deadlines={[{ lessonId: 'pod', dueAt: '2026-11-10T15:00:00.000Z' }]}
        />,
        lang,
      )
      expect(html.match(/type="datetime-local"/g)).toHaveLength(2)
      expect(
        html.match(
          /<input id="due-[a-z]+" type="datetime-local" min="2000-01-01T00:00" max="2199-12-31T23:59" disabled="" data-testid="due-input-[a-z]+" value=""\/>/g,
        ),
      ).toHaveLength(2)
      expect(html).toContain('<label for="due-pod" class="deadline-lesson">1. Pod</label>')
      expect(html).toContain('name="changes" value="[]"')
      expect(html).toContain(`type="submit" disabled="" data-testid="save-deadlines"`)
      expect(html).toContain(lang === 'ko' ? '2. Service 마감 지우기' : 'Clear the due date for 2. Service')
    },
  )

  it('says when the course has no lessons', () => {
    expect(render(<DeadlinesEditor action={async (s) => s} classId="c1" lessons={[]} deadlines={[]} />, 'en')).toContain(
      'This course has no lessons to set due dates for.',
    )
  })
})

describe('a learner’s due dates on the course page', () => {
  const due: LearnerDue[] = [
    {
      lessonId: 'pod',
      dueAt: '2026-11-10T15:00:00.000Z',
      classId: 'a',
      className: 'Monday group',
      completedAt: '2026-11-11T00:00:00.000Z',
      state: 'late',
    },
    {
      lessonId: 'pod',
      dueAt: '2026-11-12T15:00:00.000Z',
      classId: 'b',
      className: 'Evening group',
      completedAt: '2026-11-11T00:00:00.000Z',
      state: 'onTime',
    },
    {
      lessonId: 'service',
      dueAt: '2026-11-15T15:00:00.000Z',
      classId: 'a',
      className: 'Monday group',
      completedAt: null,
      state: 'overdue',
    },
    {
      lessonId: 'deployment',
      dueAt: '2026-12-15T15:00:00.000Z',
      classId: 'a',
      className: 'Monday group',
      completedAt: null,
      state: 'upcoming',
    },
  ]
  const lessons = [
    { id: 'pod', number: 3, title: 'Pod' },
    { id: 'deployment', number: 8, title: 'Deployment' },
    { id: 'service', number: 15, title: 'Service' },
  ]

  it.each(['ko', 'en'] as const)(
    'lists each due date with its state, its class when there are several, and when it was completed (%s)',
    (lang) => {
      const html = render(<CourseDeadlines courseId="kubernetes-basics" due={due} lessons={lessons} />, lang)
      expect(html.match(/<li /g)).toHaveLength(4)
      expect(html).toContain('href="/courses/kubernetes-basics/service"')
      if (lang === 'ko') {
        expect(html).toContain('마감 2026. 11. 15. 오후 3:00 · <strong class="due-state">마감 지남</strong>')
        expect(html).toContain('늦게 완료')
        expect(html).toContain('클래스: Evening group')
        expect(html).toContain('2026. 11. 11. 오전 12:00 완료')
        expect(html).not.toContain('AM')
      } else {
        expect(html).toContain('Due Nov 15, 2026, 3:00 PM · <strong class="due-state">overdue</strong>')
        expect(html).toContain('class: Evening group')
      }
    },
  )

  it('shows nothing before the answer or when nothing is due, and one class’s name nowhere', () => {
    expect(render(<CourseDeadlines courseId="k" due={null} lessons={lessons} />, 'en')).toBe('')
    expect(render(<CourseDeadlines courseId="k" due={[]} lessons={lessons} />, 'en')).toBe('')
    expect(render(<CourseDeadlines courseId="k" due={due.filter((d) => d.classId === 'a')} lessons={lessons} />, 'en')).not.toContain(
      'class:',
    )
  })

  it('badges a lesson of the map with its earliest due date', () => {
    const first = dueByLesson(due)
    expect(first.get('pod')!.classId).toBe('a')
    const html = render(<LessonDueBadge due={first.get('service')} />, 'en')
    expect(html).toContain('Due Nov 15, 2026, 3:00 PM · overdue')
    expect(render(<LessonDueBadge due={first.get('deployment')} />, 'ko')).toContain('마감 2026. 12. 15. 오후 3:00')
    expect(render(<LessonDueBadge due={undefined} />, 'en')).toBe('')
  })
})
