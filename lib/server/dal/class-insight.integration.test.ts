import { beforeAll, describe, expect, it } from 'vitest'
import { AccessDeniedError, type Viewer } from './viewer.ts'
import type { CourseLookup } from './class-insight.ts'
import { loadCourses } from '../../content/load.ts'
import { testDatabases, useTestDatabase, createTestClass } from '../../testing/db.ts'
import type { GradeResult } from '../../grading/result.ts'

const courseId = 'kubernetes-basics'
const fileCourses = loadCourses()
const courses: CourseLookup = async (id) => fileCourses.find((c) => c.id === id)
const roomy = { submissionsPerHour: 10_000, submissionsTotal: 10_000, sourcesPerExercise: 100 }

/** A graded result of pod-first-manifest failing these checks (each on a line), or refused with validation errors. */
function graded(failing: [string, number | null][], validation: { field: string; line: number }[] = []): GradeResult {
  const ids = ['pod-exists', 'label', 'container-name', 'image', 'port', 'running']
  const refused = validation.length > 0
  return {
    exercise: 'pod-first-manifest',
    passed: failing.length === 0 && !refused,
    score: refused ? 0 : (ids.length - failing.length) / ids.length,
    checks: ids.map((id) => {
      const f = failing.find(([failed]) => failed === id)
      if (refused) return { id, passed: false, notRun: true as const, message: `${id} not run`, hint: null, line: null, weight: 1 }
      return f
        ? { id, passed: false, message: `${id} is wrong — as the learner read it`, hint: 'try again', line: f[1], weight: 1 }
        : { id, passed: true, message: `${id} ok`, hint: null, line: null, weight: 1 }
    }),
    validation: {
      valid: !refused,
      errors: validation.map((v) => ({
        document: 0,
        kind: 'Pod',
        name: 'web',
        field: v.field,
        type: 'FieldValueRequired',
        line: v.line,
        column: 1,
        message: `${v.field}: Required value`,
        hint: { ko: '값을 쓰세요.', en: 'Give it a value.' },
      })) as GradeResult['validation']['errors'],
    },
    durationMs: 3,
  }
}

describe.each(testDatabases())('class insight on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create, { quota: roomy, courses })
  let teacher: Viewer, coTeacher: Viewer, otherTeacher: Viewer, admin: Viewer, author: Viewer
  let yuna: Viewer, bora: Viewer, minho: Viewer, outsider: Viewer
  let classId: string
  const start = Date.parse('2026-11-02T09:00:00Z')

  /** Records a submission of pod-first-manifest the way the grade route does, made `minutes` after the start. */
  async function submit(learner: Viewer, minutes: number, result: GradeResult, exerciseId = 'pod-first-manifest', lessonId = 'pod') {
    const source = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # ${minutes}\n`
    const { submissionId } = await dal.progress.recordSubmission(learner, {
      courseId,
      lessonId,
      exerciseId,
      kind: 'manifest',
      source,
      result: { ...result, exercise: exerciseId },
    })
    await database.db.submission.update({ where: { id: submissionId }, data: { createdAt: new Date(start + minutes * 60_000) } })
    return submissionId
  }

  beforeAll(async () => {
    const stamp = Date.now()
    const account = async (who: string, role: 'teacher' | 'admin' | 'author' | 'learner', name: string | null = who) => {
      const u =
        role === 'learner'
          ? await dal.users.signUp({ email: `insight-${who}-${stamp}@example.com`, password: 'password-1', name: name ?? undefined })
          : await dal.users.upsertWithRole(`insight-${who}-${stamp}@example.com`, 'password-1', role, name ?? who)
      return { id: u.id, role: u.role }
    }
    teacher = await account('teacher', 'teacher')
    coTeacher = await account('co', 'teacher')
    otherTeacher = await account('other', 'teacher')
    admin = await account('admin', 'admin')
    author = await account('author', 'author')
    yuna = await account('yuna', 'learner', 'Yuna')
    bora = await account('bora', 'learner', 'Bora')
    minho = await account('minho', 'learner', 'Minho')
    outsider = await account('outsider', 'learner', 'Outsider')
    classId = (await createTestClass(dal, teacher, { name: 'Insight class', courseId, learners: [yuna, bora, minho] })).id
    await database.db.coTeacher.create({ data: { classroomId: classId, userId: coTeacher.id, addedById: teacher.id } })
    await createTestClass(dal, otherTeacher, { name: 'Elsewhere', courseId, learners: [outsider] })

    // Yuna: the label wrong twice, then passes (3 attempts, 30 minutes)
    await submit(yuna, 0, graded([['label', 6]]))
    await submit(
      yuna,
      10,
      graded([
        ['label', 6],
        ['image', 9],
      ]),
    )
    await submit(yuna, 30, graded([]))
    // Bora: the label wrong, then a refused YAML, still not passed: on the validation error, no longer on the label
    await submit(bora, 5, graded([['label', 7]]))
    await submit(bora, 6, graded([['image', 9]]))
    await submit(bora, 20, graded([], [{ field: 'spec.containers[0].name', line: 8 }]))
    // Minho: the label wrong three times, still on it (stuck)
    await submit(minho, 1, graded([['label', 6]]))
    await submit(minho, 2, graded([['label', 6]]))
    await submit(minho, 50, graded([['label', 5]]))
    // another exercise, and a learner of another class: neither counts here
    await submit(yuna, 60, graded([['running', null]]), 'deployment-web', 'deployment')
    await submit(outsider, 3, graded([['pod-exists', 1]]))
    await submit(outsider, 4, graded([['pod-exists', 1]]))
    // quiz attempts at pod-basics: Yuna misses smallest-unit first (picks c), then gets it; Bora picks c too; Minho is right
    const quiz = fileCourses[0]!.lessons.find((l) => l.id === 'pod')!.quiz!
    const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer as string | boolean | string[]]))
    const recordQuiz = (learner: Viewer, given: Record<string, unknown>) =>
      dal.quizzes.recordAttempt(learner, {
        courseId,
        lessonId: 'pod',
        answers: given as Record<string, string>,
        result: { quiz: quiz.id, correct: 0, total: quiz.questions.length, score: 0, questions: [] },
      })
    await recordQuiz(yuna, { ...answers, 'smallest-unit': 'c' })
    await recordQuiz(yuna, answers)
    await recordQuiz(bora, { ...answers, 'smallest-unit': 'c', 'same-node': 'b' })
    await recordQuiz(minho, answers)
    await recordQuiz(outsider, { ...answers, 'same-node': 'c' })
  })

  it('shows one exercise’s pass rates, medians and mistake groups to the class’s teacher', async () => {
    const view = await dal.insight.exerciseInsight(teacher, classId, 'pod-first-manifest')
    expect(view).not.toBeNull()
    const { insight } = view!
    expect(view!.lesson).toMatchObject({ id: 'pod', number: 3 })
    expect(insight).toMatchObject({
      learners: 3,
      tried: 3,
      passed: 1,
      notPassed: 2,
      medianAttemptsToPass: 3,
      medianTimeToPassMs: 30 * 60_000,
    })
    expect(insight.passRate).toBeCloseTo(1 / 3)
    expect(insight.groups.map((g) => [g.key, g.learners.map((l) => l.name), g.stillCount])).toEqual([
      ['label', ['Minho', 'Bora', 'Yuna'], 1],
      ['image', ['Bora', 'Yuna'], 0],
      ['validation:spec.containers[0].name', ['Bora'], 1],
    ])
    const label = insight.groups[0]!
    // the check's own words in both languages, from the exercise; the example is the newest attempt, its line marked
    expect(label.title?.en).toMatch(/label/i)
    expect(label.title?.ko).toBeTruthy()
    expect(label.example).toMatchObject({ userId: minho.id, lines: [5], message: 'label is wrong — as the learner read it' })
    expect(label.example.source).toContain('# 50')
    expect(insight.groups[2]!.hint).toEqual({ ko: '값을 쓰세요.', en: 'Give it a value.' })
  })

  it('sums up every graded exercise of the course from grouped queries, naming the same top mistake as the exercise’s page', async () => {
    const list = await dal.insight.classExercises(teacher, classId)
    expect(list).not.toBeNull()
    expect(list!.learnerCount).toBe(3)
    expect(list!.rows.map((r) => r.lesson.id)).toEqual(fileCourses[0]!.lessons.filter((l) => l.exercise || l.quiz).map((l) => l.id))
    const pod = list!.rows.find((r) => r.lesson.id === 'pod')!
    expect(pod.hasQuiz).toBe(true)
    expect(pod.exercise!.summary).toMatchObject({
      exerciseId: 'pod-first-manifest',
      learners: 3,
      tried: 3,
      passed: 1,
      medianAttempts: 3,
      stuck: 2,
    })
    expect(pod.exercise!.summary.topMistake).toMatchObject({ key: 'label', kind: 'check', learners: 3 })
    const deployment = list!.rows.find((r) => r.lesson.id === 'deployment')!
    expect(deployment.exercise!.summary).toMatchObject({
      tried: 1,
      passed: 0,
      medianAttempts: 1,
      stuck: 0,
      topMistake: { key: 'running', learners: 1 },
    })
    const untouched = list!.rows.find((r) => r.lesson.id === 'service')!
    expect(untouched.exercise!.summary).toMatchObject({ tried: 0, passed: 0, passRate: 0, medianAttempts: null, topMistake: null })
  })

  it('counts a validation error in the list like the page does, and leaves out the checks it kept from running', async () => {
    const list = await dal.insight.classExercises(teacher, classId)
    const view = await dal.insight.exerciseInsight(teacher, classId, 'pod-first-manifest')
    // every check of Bora's refused attempt failed "not run": had they counted, pod-exists would have a learner
    expect(view!.insight.groups.some((g) => g.key === 'pod-exists')).toBe(false)
    const pod = list!.rows.find((r) => r.lesson.id === 'pod')!
    expect(pod.exercise!.summary.topMistake?.key).toBe(view!.insight.groups[0]!.key)
  })

  it('counts in the database exactly what the page counts: a refused YAML by its validation error, never by the checks it kept from running', async () => {
    // on service-hello Minho only ever sent YAML the cluster refused: every check failed "not run"
    await submit(minho, 70, graded([], [{ field: 'spec.ports[0].port', line: 9 }]), 'service-hello', 'service')
    await submit(minho, 71, graded([], [{ field: 'spec.ports[0].port', line: 9 }]), 'service-hello', 'service')
    if (database.provider === 'sqlite') {
      // a result that is not JSON (none is written so, but one must not break the page) is skipped
      await database.db.submission.create({
        data: {
          userId: yuna.id,
          courseId,
          lessonId: 'service',
          exerciseId: 'service-hello',
          kind: 'manifest',
          source: 'x',
          passed: false,
          score: 0,
          result: 'not json',
          durationMs: 1,
        },
      })
    }
    const list = await dal.insight.classExercises(teacher, classId)
    const view = await dal.insight.exerciseInsight(teacher, classId, 'service-hello')
    const service = list!.rows.find((r) => r.lesson.id === 'service')!.exercise!.summary
    expect(service.topMistake).toEqual({
      key: 'validation:spec.ports[0].port',
      kind: 'validation',
      field: 'spec.ports[0].port',
      title: null,
      learners: 1,
    })
    expect(view!.insight.groups.map((g) => [g.key, g.learners.length])).toEqual([['validation:spec.ports[0].port', 1]])
    expect(service.tried).toBe(database.provider === 'sqlite' ? 2 : 1)
  })

  it('analyses a lesson’s quiz by each learner’s first try', async () => {
    const view = await dal.insight.quizInsight(teacher, classId, 'pod')
    expect(view).not.toBeNull()
    expect(view!.insight.learners).toBe(3)
    const [first, second] = view!.insight.questions
    expect(first).toMatchObject({ id: 'smallest-unit', answered: 3, missed: 2, topWrong: { kind: 'choice', id: 'c', learners: 2 } })
    expect(second).toMatchObject({ id: 'same-node', missed: 1, topWrong: { kind: 'choice', id: 'b', learners: 1 } })
    expect(view!.insight.questions.slice(2).every((q) => q.missed === 0)).toBe(true)
  })

  it('shows a co-teacher and an admin the same, and a teacher of another class nothing', async () => {
    expect((await dal.insight.exerciseInsight(coTeacher, classId, 'pod-first-manifest'))?.insight.tried).toBe(3)
    expect((await dal.insight.classExercises(admin, classId))?.learnerCount).toBe(3)
    expect((await dal.insight.quizInsight(coTeacher, classId, 'pod'))?.insight.learners).toBe(3)
    expect(await dal.insight.exerciseInsight(otherTeacher, classId, 'pod-first-manifest')).toBeNull()
    expect(await dal.insight.classExercises(otherTeacher, classId)).toBeNull()
    expect(await dal.insight.quizInsight(otherTeacher, classId, 'pod')).toBeNull()
  })

  it('refuses a visitor, a learner of the class and an author', async () => {
    for (const [viewer, status] of [
      [null, 401],
      [yuna, 403],
      [author, 403],
    ] as const) {
      await expect(dal.insight.classExercises(viewer, classId)).rejects.toMatchObject({ status })
      await expect(dal.insight.exerciseInsight(viewer, classId, 'pod-first-manifest')).rejects.toBeInstanceOf(AccessDeniedError)
      await expect(dal.insight.quizInsight(viewer, classId, 'pod')).rejects.toBeInstanceOf(AccessDeniedError)
    }
  })

  it('reads a co-teacher who was removed, an archived class and names that are nothing as not found', async () => {
    await database.db.coTeacher.delete({ where: { classroomId_userId: { classroomId: classId, userId: coTeacher.id } } })
    expect(await dal.insight.exerciseInsight(coTeacher, classId, 'pod-first-manifest')).toBeNull()
    await database.db.coTeacher.create({ data: { classroomId: classId, userId: coTeacher.id } })
    expect(await dal.insight.exerciseInsight(teacher, classId, 'no-such-exercise')).toBeNull()
    expect(await dal.insight.exerciseInsight(teacher, classId, '')).toBeNull()
    expect(await dal.insight.exerciseInsight(teacher, classId, 'bad\u0000id')).toBeNull()
    expect(await dal.insight.quizInsight(teacher, classId, 'no-such-lesson')).toBeNull()
    expect(await dal.insight.classExercises(teacher, 'no-such-class')).toBeNull()
    const archived = await dal.classes.create(teacher, { name: 'Gone', courseId })
    await dal.classes.archive(teacher, archived.id)
    expect(await dal.insight.classExercises(teacher, archived.id)).toBeNull()
  })

  it('has a clear empty state for a class with no learners and for a course it cannot find', async () => {
    const empty = await dal.classes.create(teacher, { name: 'Empty', courseId })
    const list = await dal.insight.classExercises(teacher, empty.id)
    expect(list!.learnerCount).toBe(0)
    expect(list!.rows.every((r) => !r.exercise || (r.exercise.summary.tried === 0 && r.exercise.summary.passRate === null))).toBe(true)
    expect((await dal.insight.exerciseInsight(teacher, empty.id, 'pod-first-manifest'))!.insight).toMatchObject({
      learners: 0,
      tried: 0,
      groups: [],
    })
    expect((await dal.insight.quizInsight(teacher, empty.id, 'pod'))!.insight.learners).toBe(0)
    const lost = await dal.classes.create(teacher, { name: 'Lost course', courseId: 'no-such-course' })
    expect(await dal.insight.classExercises(teacher, lost.id)).toMatchObject({ rows: [], class: { courseTitle: null } })
    expect(await dal.insight.exerciseInsight(teacher, lost.id, 'pod-first-manifest')).toBeNull()
  })
})
