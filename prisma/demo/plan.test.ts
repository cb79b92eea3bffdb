import { describe, expect, it } from 'vitest'
import { findCourse } from '../../lib/content/load.ts'
import { demoComments, demoLearners } from './learners.ts'
import { planDemoClass, type DemoPlan } from './plan.ts'

const lessons = findCourse('kubernetes-basics')!.lessons
const now = new Date(2026, 2, 18, 14, 30) // a Wednesday afternoon
const plan = planDemoClass(lessons, demoLearners, now)
const times = (p: DemoPlan['learners'][number]) => [
  p.signedUpAt,
  p.joinedAt,
  ...p.lessons.flatMap((l) => [l.startedAt, ...l.attempts.map((a) => a.at), ...l.quizzes.map((q) => q.at)]),
]
const exerciseOf = (exerciseId: string) => lessons.find((l) => l.exercise?.id === exerciseId)!.exercise!

describe('the plan of the living Demo class', () => {
  it('is the same plan for the same moment and seed, and another for another seed', () => {
    expect(JSON.stringify(planDemoClass(lessons, demoLearners, now))).toBe(JSON.stringify(plan))
    expect(JSON.stringify(planDemoClass(lessons, demoLearners, now, 18))).not.toBe(JSON.stringify(plan))
  })

  it('has every learner at the stage written for them: lessons passed, then the lesson they are trying', () => {
    expect(plan.learners).toHaveLength(12)
    for (const { learner, lessons: opened } of plan.learners) {
      const passed = opened.filter((l) => l.attempts.some((a) => a.answer.kind !== 'wrong'))
      expect(
        passed.map((l) => l.lessonId),
        learner.email,
      ).toEqual(lessons.slice(0, learner.completed).map((l) => l.id))
      const current = opened[learner.completed]
      if (learner.current) {
        expect(current?.lessonId, learner.email).toBe(lessons[learner.completed]!.id)
        expect(
          current!.attempts.map((a) => a.answer.kind),
          learner.email,
        ).toEqual(Array(learner.current.attempts).fill('wrong'))
      } else expect(current, learner.email).toBeUndefined()
      // a passed lesson ends with its passing attempt: nobody submits again after passing
      for (const l of passed) expect(l.attempts.at(-1)!.answer.kind, `${learner.email} ${l.lessonId}`).not.toBe('wrong')
    }
    const stages = plan.learners.map((p) => p.learner)
    expect(stages.filter((l) => l.completed === lessons.length).length).toBeGreaterThanOrEqual(2)
    expect(stages.filter((l) => (l.current?.attempts ?? 0) >= 3).length).toBeGreaterThanOrEqual(3)
    expect(stages.filter((l) => l.completed === 0).length).toBeGreaterThanOrEqual(2)
  })

  it('happens in order, within the three weeks before now, never after it', () => {
    const threeWeeksAgo = now.getTime() - 22 * 24 * 3_600_000
    for (const p of plan.learners) {
      const t = times(p).map((d) => d.getTime())
      expect(t[0], p.learner.email).toBeGreaterThan(threeWeeksAgo)
      expect(Math.max(...t), p.learner.email).toBeLessThan(now.getTime())
      const inOrder = p.lessons.flatMap((l) => [l.startedAt, ...l.attempts.map((a) => a.at)]).map((d) => d.getTime())
      expect(inOrder, p.learner.email).toEqual([...inOrder].sort((a, b) => a - b))
    }
    expect(plan.classCreatedAt.getTime()).toBeLessThan(Math.min(...plan.learners.map((p) => p.signedUpAt.getTime())))
  })

  it('sends answers each exercise proves, with the first-listed (commonest) mistakes shared by several learners', () => {
    const attempts = plan.learners.flatMap((p) => p.lessons.flatMap((l) => l.attempts.map((a) => ({ ...a, who: p.learner.email }))))
    for (const a of attempts) {
      const exercise = exerciseOf(a.exerciseId)
      if (a.answer.kind === 'wrong') expect(exercise.wrongAnswers[a.answer.index]).toBeDefined()
      if (a.answer.kind === 'right') expect(exercise.rightAnswers[a.answer.index]).toBeDefined()
    }
    const sharers = new Map<string, Set<string>>()
    for (const a of attempts.filter((x) => x.answer.kind === 'wrong')) {
      const key = `${a.exerciseId}#${'index' in a.answer ? a.answer.index : ''}`
      sharers.set(key, (sharers.get(key) ?? new Set()).add(a.who))
    }
    expect(Math.max(...[...sharers.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3)
    // the mistakes written for a learner come first, in order
    const haeun = plan.learners.find((p) => p.learner.email === 'haeun.jung@kubelab.dev')!
    const names = haeun.lessons
      .find((l) => l.lessonId === 'deployment')!
      .attempts.map((a) => exerciseOf(a.exerciseId).wrongAnswers['index' in a.answer ? a.answer.index : -1]?.name ?? '')
    expect(names.map((n, i) => n.startsWith(haeun.learner.mistakes!['deployment-web']![i]!))).toEqual([true, true, true])
  })

  it('answers quizzes right and wrong, and some learners try a quiz again', () => {
    const quizzes = plan.learners.flatMap((p) => p.lessons.flatMap((l) => l.quizzes))
    expect(quizzes.length).toBeGreaterThan(50)
    const retaken = plan.learners.flatMap((p) => p.lessons.filter((l) => l.quizzes.length > 1))
    expect(retaken.length).toBeGreaterThan(0)
    for (const q of quizzes) {
      const quiz = lessons.find((l) => l.id === q.lessonId)!.quiz!
      expect(Object.keys(q.answers).sort()).toEqual(quiz.questions.map((x) => x.id).sort())
    }
  })

  it('has one due date passed and one to come, and each comment on the attempt with the mistake it explains', () => {
    expect(plan.deadlines.some((d) => d.dueAt < now)).toBe(true)
    expect(plan.deadlines.some((d) => d.dueAt > now)).toBe(true)
    expect(plan.comments).toHaveLength(demoComments.length)
    for (const c of plan.comments) {
      const written = demoComments.find((d) => d.learner === c.learner)!
      expect(c.attempt.answer.kind).toBe('wrong')
      expect(
        exerciseOf(c.attempt.exerciseId).wrongAnswers['index' in c.attempt.answer ? c.attempt.answer.index : -1]!.name.startsWith(
          written.mistake,
        ),
      ).toBe(true)
      expect(c.createdAt.getTime()).toBeGreaterThan(c.attempt.at.getTime())
      expect(c.createdAt.getTime()).toBeLessThan(now.getTime())
      expect(c.readAt === null).toBe(!written.read)
    }
  })
})
