import { describe, expect, it, vi } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { createTranslator } from 'next-intl'
import ko from '@/messages/ko/insight.json'
import en from '@/messages/en/insight.json'
import type { MistakeGroup } from '@/lib/classes/insight'
import type { QuestionInsight } from '@/lib/classes/insight-quiz'
import type { ClassExerciseRow } from '@/lib/server/dal/class-insight'

// the server translations of the `insight` namespace, formatted (plurals and all) from the app's own message files
const current = { locale: 'ko' as 'ko' | 'en' }
const errors: string[] = []
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) => {
    const messages = { ko, en }[current.locale]
    return createTranslator({
      locale: current.locale,
      messages: { [namespace]: messages },
      namespace,
      onError: (e) => errors.push(e.message),
    })
  },
}))

// the group's comment form is a client component with its own tests (components/comments); here: what it is given
vi.mock('@/components/teach/CommentForm', () => ({
  CommentForm: (p: { checkId?: string; learnerIds: string[]; exerciseId: string }) => (
    <div data-form-check={p.checkId} data-form-learners={p.learnerIds.join(' ')} data-form-exercise={p.exerciseId} />
  ),
}))
const { MistakeGroupCard } = await import('./MistakeGroupCard')
const { InsightStats } = await import('./InsightStats')
const { ExerciseSummaryList } = await import('./ExerciseSummaryList')
const { QuizItemList } = await import('./QuizItemList')

async function render(locale: 'ko' | 'en', element: () => Promise<React.ReactElement>) {
  current.locale = locale
  errors.length = 0
  const html = renderToStaticMarkup(await element())
  expect(errors).toEqual([])
  expect(html).not.toMatch(/undefined|NaN|\{[a-z]+\}/)
  return html
}

const at = new Date('2026-11-02T09:00:00Z')
const group: MistakeGroup = {
  key: 'selector-matches',
  kind: 'check',
  field: null,
  title: { ko: 'selector가 template의 레이블과 맞습니다.', en: 'The `selector` matches the template labels.' },
  hint: null,
  learners: [
    { id: 'u-bora', name: null, email: 'bora@example.com', still: true, lastAt: at },
    { id: 'u-yuna', name: 'Yuna', email: 'yuna@example.com', still: false, lastAt: at },
  ],
  stillCount: 1,
  example: {
    submissionId: 's-9',
    userId: 'u-bora',
    createdAt: at,
    source: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels: { app: api }',
    sourceTrimmed: false,
    message: 'selector — it selects app=api',
    lines: [4],
  },
}

describe('a mistake group card', () => {
  it.each(['ko', 'en'] as const)(
    'names the check in the teacher’s language, how many, who (still stuck first), and marks the example’s line (%s)',
    async (locale) => {
      const html = await render(locale, () =>
        MistakeGroupCard({
          group,
          index: 0,
          classId: 'c 1',
          lessonId: 'pod',
          exerciseId: 'pod-first-manifest',
          locale,
          commentAction: async () => ({ status: 'idle' }),
        }),
      )
      expect(html).toContain('data-testid="mistake-group"')
      expect(html).toContain('data-check-id="selector-matches"')
      // one comment to the whole group: the check and every learner who hit it
      expect(html).toContain(`data-form-check="selector-matches" data-form-learners="${group.learners.map((l) => l.id).join(' ')}"`)
      expect(html).toContain(locale === 'ko' ? '이 2명에게 한 번에 댓글 쓰기' : 'Comment to all 2 learners at once')
      expect(html).toContain(locale === 'ko' ? '>2명<' : '>2 learners<')
      expect(html).toContain(
        locale === 'ko' ? 'selector가 template의 레이블과 맞습니다.' : 'The <code>selector</code> matches the template labels.',
      )
      expect(html).toContain(locale === 'ko' ? '1명은 아직 이 체크에서 막혀 있습니다.' : '1 learner is still stuck on it.')
      // learners link to their page in the class; one without a name by email
      expect(html).toContain('href="/teach/c%201/learners/u-bora">bora@example.com</a>')
      expect(html).toContain('href="/teach/c%201/learners/u-yuna">Yuna</a>')
      expect(html.indexOf('u-bora')).toBeLessThan(html.indexOf('u-yuna'))
      // the example: only line 4 is marked, and it opens the whole submission
      expect(html.match(/data-failing="true"/g)).toHaveLength(1)
      expect(html).toMatch(/data-failing="true"><span class="line-number" aria-hidden="true">4<\/span>/)
      expect(html).toContain('href="/teach/c%201/learners/u-bora/submissions/s-9"')
      expect(html).toContain(
        locale === 'ko' ? '예시: bora@example.com의 제출 · 2026. 11. 2.' : 'Example: bora@example.com’s submission · Nov 2, 2026',
      )
    },
  )

  it('names a validation error by its field with its explanation, and says when everyone is past it', async () => {
    const validation: MistakeGroup = {
      ...group,
      key: 'validation:spec.replicas',
      kind: 'validation',
      field: 'spec.replicas',
      title: null,
      hint: { ko: 'replicas는 0 이상이어야 합니다.', en: 'replicas must be 0 or more.' },
      stillCount: 0,
      learners: group.learners.map((l) => ({ ...l, still: false })),
    }
    const html = await render('ko', () =>
      MistakeGroupCard({
        group: validation,
        index: 5,
        classId: 'c1',
        lessonId: 'pod',
        exerciseId: 'pod-first-manifest',
        locale: 'ko',
        commentAction: async () => ({ status: 'idle' }),
      }),
    )
    expect(html).toContain('검증 오류: <code>spec.replicas</code>')
    expect(html).toContain('replicas는 0 이상이어야 합니다.')
    expect(html).toContain('지금은 모두 이 체크를 넘었습니다.')
    expect(html).not.toContain('아직 막힘')
    const whole = await render('en', () =>
      MistakeGroupCard({
        group: { ...validation, field: '' },
        index: 0,
        classId: 'c1',
        lessonId: 'pod',
        exerciseId: 'pod-first-manifest',
        locale: 'en',
        commentAction: async () => ({ status: 'idle' }),
      }),
    )
    expect(whole).toContain('Validation error: the whole YAML document')
  })

  it('falls back to what the learner was told for a check the exercise no longer has', async () => {
    const html = await render('en', () =>
      MistakeGroupCard({
        group: { ...group, title: null },
        index: 0,
        classId: 'c1',
        lessonId: 'pod',
        exerciseId: 'pod-first-manifest',
        locale: 'en',
        commentAction: async () => ({ status: 'idle' }),
      }),
    )
    expect(html).toContain('<span class="mistake-group-title">selector — it selects app=api</span>')
  })
})

describe('an exercise’s numbers', () => {
  const insight = {
    learners: 4,
    tried: 3,
    passed: 2,
    passRate: 0.5,
    passRateOfTried: 2 / 3,
    notPassed: 1,
    medianAttemptsToPass: 2.5,
    medianTimeToPassMs: 80 * 60_000,
    groups: [],
  }
  it.each([
    ['ko', ['50%', '클래스 4명 중 2명', '제출한 3명 중 67%', '2.5번', '1시간 20분', '>1명<']],
    ['en', ['50%', '2 of 4 in the class', '67% of the 3 who submitted', '2.5', '1 h 20 min', '1 learner']],
  ] as const)('shows the pass rate over the class and over who tried, and the medians (%s)', async (locale, expected) => {
    const html = await render(locale, () => InsightStats({ insight }))
    for (const text of expected) expect(html).toContain(text)
  })

  it('says “none yet” where nobody passed, never a number made up', async () => {
    const html = await render('ko', () =>
      InsightStats({
        insight: {
          ...insight,
          tried: 0,
          passed: 0,
          passRate: 0,
          passRateOfTried: null,
          medianAttemptsToPass: null,
          medianTimeToPassMs: null,
          notPassed: 0,
        },
      }),
    )
    expect(html.match(/아직 없음/g)).toHaveLength(2)
    expect(html).not.toContain('제출한')
  })
})

describe('the class’s exercise list', () => {
  const summary = {
    exerciseId: 'pod-first-manifest',
    learners: 4,
    tried: 3,
    passed: 1,
    passRate: 0.25,
    medianAttempts: 3,
    stuck: 2,
    topMistake: {
      key: 'label',
      kind: 'check' as const,
      field: null,
      title: { ko: '레이블 `app: web`이 있습니다.', en: 'It has the label `app: web`.' },
      learners: 3,
    },
  }
  const rows: ClassExerciseRow[] = [
    {
      lesson: { id: 'pod', number: 3, title: { ko: 'Pod', en: 'Pods' } },
      exercise: { id: 'pod-first-manifest', kind: 'manifest', summary },
      hasQuiz: true,
    },
    {
      lesson: { id: 'service', number: 15, title: { ko: 'Service', en: 'Services' } },
      exercise: {
        id: 'service-hello',
        kind: 'manifest',
        summary: {
          ...summary,
          exerciseId: 'service-hello',
          tried: 0,
          passed: 0,
          passRate: 0,
          medianAttempts: null,
          stuck: 0,
          topMistake: null,
        },
      },
      hasQuiz: false,
    },
    { lesson: { id: 'extra', number: 20, title: { ko: '덧붙임', en: 'Extra' } }, exercise: null, hasQuiz: true },
  ]

  it.each(['ko', 'en'] as const)(
    'links each exercise and quiz, with its numbers and top mistake, and says where nobody tried (%s)',
    async (locale) => {
      const html = await render(locale, () => ExerciseSummaryList({ classId: 'c1', rows, locale }))
      expect(html).toContain(`href="/teach/c1/exercises/pod-first-manifest">3. ${locale === 'ko' ? 'Pod' : 'Pods'}</a>`)
      expect(html).toContain('href="/teach/c1/quizzes/pod"')
      expect(html).toContain('href="/teach/c1/quizzes/extra"')
      expect(html).not.toContain('href="/teach/c1/quizzes/service"')
      expect(html).toContain(locale === 'ko' ? '4명 중 1명 통과(25%)' : '1 of 4 passed (25%)')
      expect(html).toContain(locale === 'ko' ? '시도 횟수 중앙값 3번' : 'median 3 attempts')
      expect(html).toContain(locale === 'ko' ? '막힌 학습자 2명' : '2 learners stuck')
      expect(html).toContain('data-testid="top-mistake" data-check-id="label"')
      expect(html).toContain(locale === 'ko' ? '레이블 <code>app: web</code>이 있습니다.' : 'It has the label <code>app: web</code>.')
      expect(html).toContain(locale === 'ko' ? '아직 제출한 학습자가 없습니다.' : 'Nobody has submitted yet.')
      expect(html).toContain(locale === 'ko' ? '이 레슨에는 실습이 없고 퀴즈만 있습니다.' : 'This lesson has a quiz and no exercise.')
      // the bar draws the class: 25% passed, 50% tried and not passed
      expect(html).toContain('class="pass-bar-passed" style="width:25%"')
      expect(html).toContain('class="pass-bar-tried" style="width:50%"')
    },
  )
})

describe('a quiz’s items', () => {
  const question = (over: Partial<QuestionInsight>): QuestionInsight => ({
    id: 'q',
    number: 1,
    type: 'single',
    prompt: { ko: '몇 개입니까?', en: 'How many?' },
    answered: 4,
    missed: 3,
    missedShare: 0.75,
    topWrong: null,
    ...over,
  })
  it.each(['ko', 'en'] as const)('shows first-try misses and the wrong answer chosen most, in words (%s)', async (locale) => {
    const html = await render(locale, () =>
      QuizItemList({
        locale,
        questions: [
          question({ id: 'a', topWrong: { kind: 'choice', id: 'c', text: { ko: '세 개', en: 'Three' }, learners: 2 } }),
          question({ id: 'b', number: 2, type: 'truefalse', topWrong: { kind: 'boolean', value: true, learners: 3 } }),
          question({ id: 'c', number: 3, type: 'short', topWrong: { kind: 'text', text: 'Deployment', learners: 1 } }),
          question({ id: 'd', number: 4, type: 'ordering' }),
          question({ id: 'e', number: 5, missed: 0, missedShare: 0 }),
          question({ id: 'f', number: 6, answered: 0, missed: 0, missedShare: null }),
        ],
      }),
    )
    expect(html.match(/data-testid="quiz-item"/g)).toHaveLength(6)
    expect(html).toContain(locale === 'ko' ? '첫 시도에서 틀린 학습자: 4명 중 3명(75%)' : 'Missed on the first try: 3 of 4 (75%)')
    expect(html).toContain(
      locale === 'ko'
        ? '<span class="wrong-answer">세 개</span> <span class="group-count">2명</span>'
        : '<span class="wrong-answer">Three</span> <span class="group-count">2 learners</span>',
    )
    expect(html).toContain(locale === 'ko' ? '<span class="wrong-answer">참</span>' : '<span class="wrong-answer">True</span>')
    expect(html).toContain('<span class="wrong-answer">&quot;Deployment&quot;</span>')
    expect(html).toContain(locale === 'ko' ? '순서 문항은' : 'An ordering question')
    expect(html).toContain(locale === 'ko' ? '모두 첫 시도에 맞혔습니다.' : 'Everyone got it right on the first try.')
    expect(html).toContain(locale === 'ko' ? '아직 이 문항에 답한 학습자가 없습니다.' : 'Nobody has answered this question yet.')
    expect(html).toContain('<span style="width:75%"></span>')
  })
})
