import { describe, expect, it } from 'vitest'
import ko from '@/messages/ko.json'
import en from '@/messages/en.json'
import { loadCourses } from '@/lib/content/load'
import { intlRenderer } from '@/lib/testing/render'
import { Term } from '@/components/mdx/Term'
import { CourseLessons, type CourseLesson } from './CourseLessons'
import { edgePath, edgeReach, groupIntoParts, requireEdges } from './course-graph'
import { LessonGoals } from './LessonGoals'
import { LessonViewerContext } from './lessonViewerContext'
import { sortedTerms } from './GlossaryBody'

const render = intlRenderer({ ko, en })

const course = loadCourses()[0]!
const lessons: CourseLesson[] = course.lessons.map((l) => ({
  id: l.id,
  number: l.number,
  title: l.title.ko,
  summary: l.summary.ko,
  minutes: l.minutes,
  exerciseId: l.exercise?.id ?? null,
  requires: l.requires,
  status: l.id === 'intro' ? 'completed' : l.id === 'pod' ? 'started' : null,
}))

describe('the course map', () => {
  it('cuts the course into its three parts, in order, and keeps a course without parts in one', () => {
    const parts = groupIntoParts(course.id, lessons, 'ko')
    expect(parts.map((p) => [p.title, p.lessons[0]!.id, p.lessons.length])).toEqual([
      ['1부 · 클러스터와 Pod', 'intro', 7],
      ['2부 · Deployment', 'deployment', 7],
      ['3부 · Service', 'service', 5],
    ])
    expect(groupIntoParts('helm-basics', lessons, 'en')).toEqual([{ title: null, lessons }])
  })

  it('draws an edge for each requires that names an earlier lesson shown', () => {
    expect(requireEdges([{ id: 'a' }, { id: 'b', requires: ['a', 'zz'] }, { id: 'c', requires: ['b', 'd'] }, { id: 'd' }])).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ])
    expect(requireEdges(lessons)).toContainEqual({ from: 'deployment', to: 'self-healing' })
    // an edge leaves and meets the gutter's right edge, and bows further for a longer span, inside the gutter
    expect(edgePath(10, 50, 40, 0)).toBe('M 40 10 C 32 10, 32 50, 40 50')
    expect(edgePath(10, 900, 40, 1)).toBe('M 40 10 C -10.7 10, -10.7 900, 40 900')
    const line = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]
    expect(
      edgeReach(
        [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'c' },
          { from: 'a', to: 'd' },
        ],
        line,
      ),
    ).toEqual([0, 0.5, 1])
    expect(edgeReach([{ from: 'a', to: 'b' }], line)).toEqual([0])
  })

  it.each(['ko', 'en'] as const)('renders every lesson as a link with its status and what it builds on (%s)', (locale) => {
    const html = render(<CourseLessons courseId={course.id} lessons={lessons} signedIn={true} />, locale)
    for (const l of course.lessons) expect(html).toContain(`data-testid="lesson-link-${l.id}"`)
    expect(html).toMatch(/data-status="completed" data-testid="lesson-status-intro"/)
    expect(html).toMatch(/data-status="started" data-testid="lesson-status-pod"/)
    expect(html).toContain(locale === 'ko' ? '선수 레슨: 8' : 'Builds on: 8')
    expect(html.match(/<h3 /g)).toHaveLength(3)
    // the edges are drawn once the nodes are laid out (in the browser): never in the server's HTML
    expect(html).not.toContain('<svg')
  })
})

describe('lesson goals', () => {
  const goals = ['`kubectl scale`로 바꾸기', '확인하기']
  const ui = (state: unknown) => (
    <LessonViewerContext.Provider value={{ loaded: state as never, reload: () => {} }}>
      <LessonGoals
        courseId="c"
        lessonId="scaling"
        exerciseId="scale"
        title="이 레슨을 마치면 할 수 있는 것"
        reachedLabel="달성"
        goals={goals}
      />
    </LessonViewerContext.Provider>
  )

  it('lists the goals unticked until the exercise is passed, then ticks each', () => {
    const before = render(
      ui({
        status: 'ready',
        state: {
          signedIn: true,
          outline: null,
          progress: [],
          exercise: { attempts: 1, solutionAvailable: false, draft: null, lastPass: null },
        },
      }),
    )
    expect(before).toContain('이 레슨을 마치면 할 수 있는 것')
    expect(before).not.toContain('data-reached')
    const after = render(
      ui({
        status: 'ready',
        state: {
          signedIn: true,
          outline: null,
          progress: [],
          exercise: {
            attempts: 2,
            solutionAvailable: false,
            draft: null,
            lastPass: { at: '2026-12-06T08:00:00Z', score: 100, checks: [] },
          },
        },
      }),
    )
    expect(after.match(/<li data-reached="true"/g)).toHaveLength(2)
    expect(after).toContain('(달성)')
  })
})

describe('<Term>', () => {
  it('keeps the words in the sentence as a button described by the definition, with a link to the entry', () => {
    const html = render(
      <Term href="/courses/c/glossary#pod" name="Pod" kubectl="pods (po)" definition="가장 작은 단위다." seeEntry="용어집에서 보기">
        Pod
      </Term>,
    )
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)![1]
    expect(html).toContain(`id="${describedBy}">가장 작은 단위다.</span>`)
    expect(html).toContain('aria-expanded="false"')
    expect(html).toContain('<a href="/courses/c/glossary#pod">용어집에서 보기 →</a>')
    expect(html).toContain('<code>pods (po)</code>')
  })
})

describe('the glossary page', () => {
  it('sorts the terms alphabetically in each language', () => {
    const ko = sortedTerms(course.glossary, 'ko').map((t) => t.ko)
    const en = sortedTerms(course.glossary, 'en').map((t) => t.en)
    expect(ko).toEqual([...ko].sort(new Intl.Collator('ko', { sensitivity: 'base' }).compare))
    expect(en.slice(0, 3)).toEqual(['API server', 'cluster', 'ClusterIP'])
    expect(en).toHaveLength(course.glossary.length)
  })
})
