import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { AccessDeniedError } from './viewer.ts'
import { testDatabases, useTestDatabase, createTestAccount, createTestClass } from '../../testing/db.ts'
import type { GradeResult } from '../../grading/result.ts'

const COURSE = 'kubernetes-basics'
const due = (iso: string) => new Date(iso)

describe.each(testDatabases())('lesson due dates on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const user = (role: 'learner' | 'teacher' | 'admin') => createTestAccount(database.db, role)

  it('lets the class’s teacher set, move and clear a lesson’s due date, and lists them earliest first', async () => {
    const teacher = await user('teacher')
    const c = await createTestClass(dal, teacher)
    expect(await dal.deadlines.forClass(teacher, c.id)).toEqual({ classId: c.id, courseId: COURSE, deadlines: [] })
    expect(await dal.deadlines.set(teacher, c.id, 'service', '2026-12-01T09:00:00+09:00')).toBe(true)
    expect(await dal.deadlines.set(teacher, c.id, 'pod', due('2026-11-20T15:00:00Z'))).toBe(true)
    expect((await dal.deadlines.forClass(teacher, c.id))!.deadlines).toEqual([
      { lessonId: 'pod', dueAt: due('2026-11-20T15:00:00Z') },
      { lessonId: 'service', dueAt: due('2026-12-01T00:00:00Z') },
    ])
    // moved, then cleared
    expect(await dal.deadlines.set(teacher, c.id, 'pod', '2026-11-25T15:00:00Z')).toBe(true)
    expect(
      await dal.deadlines.save(teacher, c.id, [
        { lessonId: 'service', dueAt: null },
        { lessonId: 'deployment', dueAt: '2026-11-30T15:00:00Z' },
      ]),
    ).toBe(true)
    expect((await dal.deadlines.forClass(teacher, c.id))!.deadlines).toEqual([
      { lessonId: 'pod', dueAt: due('2026-11-25T15:00:00Z') },
      { lessonId: 'deployment', dueAt: due('2026-11-30T15:00:00Z') },
    ])
    // clearing a lesson that has no due date is fine
    expect(await dal.deadlines.set(teacher, c.id, 'intro', null)).toBe(true)
  })

  it('lets a co-teacher and an admin manage them, until the co-teacher is removed', async () => {
    const owner = await user('teacher')
    const co = await user('teacher')
    const admin = await user('admin')
    const c = await createTestClass(dal, owner)
    expect(await dal.deadlines.set(co, c.id, 'pod', '2026-11-20T15:00:00Z')).toBe(false)
    await database.db.coTeacher.create({ data: { classroomId: c.id, userId: co.id, addedById: owner.id } })
    expect(await dal.deadlines.set(co, c.id, 'pod', '2026-11-20T15:00:00Z')).toBe(true)
    expect(await dal.deadlines.set(admin, c.id, 'service', '2026-11-21T15:00:00Z')).toBe(true)
    expect((await dal.deadlines.forClass(co, c.id))!.deadlines.map((d) => d.lessonId)).toEqual(['pod', 'service'])
    await database.db.coTeacher.delete({ where: { classroomId_userId: { classroomId: c.id, userId: co.id } } })
    expect(await dal.deadlines.forClass(co, c.id)).toBeNull()
    expect(await dal.deadlines.set(co, c.id, 'pod', null)).toBe(false)
    expect((await dal.deadlines.forClass(owner, c.id))!.deadlines).toHaveLength(2)
  })

  it('refuses everyone else: another teacher, a learner of the class, a visitor, and an archived class', async () => {
    const teacher = await user('teacher')
    const other = await user('teacher')
    const learner = await user('learner')
    const c = await createTestClass(dal, teacher, { learners: [learner] })
    await dal.deadlines.set(teacher, c.id, 'pod', '2026-11-20T15:00:00Z')
    expect(await dal.deadlines.set(other, c.id, 'pod', null)).toBe(false)
    expect(await dal.deadlines.forClass(other, c.id)).toBeNull()
    await expect(dal.deadlines.set(learner, c.id, 'pod', null)).rejects.toMatchObject({ status: 403 })
    await expect(dal.deadlines.forClass(learner, c.id)).rejects.toBeInstanceOf(AccessDeniedError)
    await expect(dal.deadlines.set(null, c.id, 'pod', null)).rejects.toMatchObject({ status: 401 })
    expect(await dal.deadlines.forClass(teacher, 'no-such-class')).toBeNull()
    expect(await dal.deadlines.forClass(teacher, 'nul\u0000id')).toBeNull()
    expect((await dal.deadlines.forClass(teacher, c.id))!.deadlines).toEqual([{ lessonId: 'pod', dueAt: due('2026-11-20T15:00:00Z') }])
    await dal.classes.archive(teacher, c.id)
    expect(await dal.deadlines.set(teacher, c.id, 'pod', null)).toBe(false)
    expect(await dal.deadlines.forClass(teacher, c.id)).toBeNull()
  })

  it('refuses bad input with a ZodError and saves nothing of a batch with one bad change', async () => {
    const teacher = await user('teacher')
    const c = await createTestClass(dal, teacher)
    await dal.deadlines.set(teacher, c.id, 'pod', '2026-11-20T15:00:00Z')
    const bad: [string, unknown][] = [
      ['Not A Lesson', '2026-11-20T15:00:00Z'],
      ['pod', '2026-11-20 15:00'], // no offset: which time zone?
      ['pod', 'tomorrow'],
      ['pod', '20266-11-20T15:00:00Z'],
      ['pod', '1999-12-31T15:00:00Z'],
      ['pod', new Date('nope')],
      ['pod', 5],
      ['x'.repeat(101), null],
    ]
    for (const [lessonId, dueAt] of bad)
      await expect(dal.deadlines.set(teacher, c.id, lessonId, dueAt as string), `${lessonId} ${String(dueAt)}`).rejects.toBeInstanceOf(
        ZodError,
      )
    await expect(
      dal.deadlines.save(teacher, c.id, [
        { lessonId: 'service', dueAt: '2026-11-22T15:00:00Z' },
        { lessonId: 'pod', dueAt: 'soon' },
      ]),
    ).rejects.toBeInstanceOf(ZodError)
    await expect(
      dal.deadlines.save(teacher, c.id, [
        { lessonId: 'pod', dueAt: null },
        { lessonId: 'pod', dueAt: '2026-11-22T15:00:00Z' },
      ]),
    ).rejects.toBeInstanceOf(ZodError)
    await expect(dal.deadlines.save(teacher, c.id, [{ lessonId: 'pod', dueAt: null, extra: 1 } as never])).rejects.toBeInstanceOf(ZodError)
    expect((await dal.deadlines.forClass(teacher, c.id))!.deadlines).toEqual([{ lessonId: 'pod', dueAt: due('2026-11-20T15:00:00Z') }])
  })

  it('shows a learner what is due in a course from each of their classes, with whether and when they completed it', async () => {
    const learner = await user('learner')
    const teacherA = await user('teacher')
    const teacherB = await user('teacher')
    const a = await createTestClass(dal, teacherA, { learners: [learner], courseId: COURSE, name: 'Monday group' })
    const b = await createTestClass(dal, teacherB, { learners: [learner], courseId: COURSE, name: 'Evening group' })
    const elsewhere = await createTestClass(dal, teacherB, { learners: [learner], courseId: 'another-course', name: 'Other course' })
    const notMine = await createTestClass(dal, teacherA, { courseId: COURSE, name: 'Not mine' })
    await dal.deadlines.save(teacherA, a.id, [
      { lessonId: 'pod', dueAt: '2026-11-20T15:00:00Z' },
      { lessonId: 'deployment', dueAt: '2026-11-27T15:00:00Z' },
    ])
    await dal.deadlines.set(teacherB, b.id, 'pod', '2026-11-18T15:00:00Z')
    await dal.deadlines.set(teacherB, elsewhere.id, 'pod', '2026-11-10T15:00:00Z')
    await dal.deadlines.set(teacherA, notMine.id, 'service', '2026-11-10T15:00:00Z')
    const passed = await dal.progress.recordSubmission(learner, {
      courseId: COURSE,
      lessonId: 'pod',
      exerciseId: 'pod-first-manifest',
      kind: 'manifest',
      source: 'kind: Pod\n',
      result: {
        exercise: 'pod-first-manifest',
        passed: true,
        score: 1,
        checks: [],
        validation: { valid: true, errors: [] },
        durationMs: 1,
      } as GradeResult,
    })
    await dal.progress.recordSubmission(learner, {
      courseId: COURSE,
      lessonId: 'deployment',
      exerciseId: 'deployment-web',
      kind: 'manifest',
      source: 'kind: Deployment\n',
      result: {
        exercise: 'deployment-web',
        passed: false,
        score: 0.5,
        checks: [],
        validation: { valid: true, errors: [] },
        durationMs: 1,
      } as GradeResult,
    })
    const completedAt = new Date(passed.progress.completedAt!)
    const mine = await dal.deadlines.dueForLearner(learner, COURSE)
    expect(mine).toEqual([
      { lessonId: 'pod', dueAt: due('2026-11-18T15:00:00Z'), classId: b.id, className: 'Evening group', completed: true, completedAt },
      { lessonId: 'pod', dueAt: due('2026-11-20T15:00:00Z'), classId: a.id, className: 'Monday group', completed: true, completedAt },
      {
        lessonId: 'deployment',
        dueAt: due('2026-11-27T15:00:00Z'),
        classId: a.id,
        className: 'Monday group',
        completed: false,
        completedAt: null,
      },
    ])
    // an archived class's due dates are gone; nobody else's due dates show; a visitor has none to ask for
    await dal.classes.archive(teacherB, b.id)
    expect((await dal.deadlines.dueForLearner(learner, COURSE)).map((d) => d.className)).toEqual(['Monday group', 'Monday group'])
    expect(await dal.deadlines.dueForLearner(teacherA, COURSE)).toEqual([])
    expect(await dal.deadlines.dueForLearner(learner, 'nul\u0000course')).toEqual([])
    await expect(dal.deadlines.dueForLearner(null, COURSE)).rejects.toMatchObject({ status: 401 })
  })
})

describe.each(testDatabases())('a class’s attempts for export on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)

  it('reads every attempt of the class’s learners in its course, oldest first, a page at a time, for its teachers only', async () => {
    const stamp = Date.now()
    const teacher = await dal.users.upsertWithRole(`att-teacher-${stamp}@example.com`, 'password-1', 'teacher', 'T')
    const other = await dal.users.upsertWithRole(`att-other-${stamp}@example.com`, 'password-1', 'teacher', 'O')
    const a = await dal.users.signUp({ email: `att-a-${stamp}@example.com`, password: 'password-1', name: 'Ann' })
    const b = await dal.users.signUp({ email: `att-b-${stamp}@example.com`, password: 'password-1' })
    const outsider = await dal.users.signUp({ email: `att-x-${stamp}@example.com`, password: 'password-1' })
    const t = { id: teacher.id, role: 'teacher' as const }
    const c = await createTestClass(dal, t, {
      name: 'Export group',
      learners: [
        { id: a.id, role: 'learner' },
        { id: b.id, role: 'learner' },
      ],
    })
    const result = (passed: boolean) =>
      JSON.stringify({
        passed,
        checks: [
          { id: 'has-kind', passed: true, message: 'ok', line: 1 },
          { id: 'replicas', passed, message: 'replicas is 3', line: 4 },
        ],
        validation: { valid: true, errors: [] },
      })
    const tie = new Date('2026-11-03T09:00:00Z')
    const rows = [
      { userId: a.id, exerciseId: 'deployment-web', lessonId: 'deployment', createdAt: tie, passed: false },
      { userId: b.id, exerciseId: 'deployment-web', lessonId: 'deployment', createdAt: tie, passed: false },
      { userId: a.id, exerciseId: 'deployment-web', lessonId: 'deployment', createdAt: tie, passed: true },
      { userId: b.id, exerciseId: 'pod-first-manifest', lessonId: 'pod', createdAt: new Date('2026-11-01T09:00:00Z'), passed: true },
      { userId: outsider.id, exerciseId: 'pod-first-manifest', lessonId: 'pod', createdAt: new Date('2026-11-02T09:00:00Z'), passed: true },
    ]
    for (const r of rows)
      await database.db.submission.create({
        data: { ...r, courseId: COURSE, kind: 'manifest', source: 'x', score: r.passed ? 1 : 0.5, result: result(r.passed), durationMs: 1 },
      })
    await database.db.submission.create({
      data: {
        userId: a.id,
        exerciseId: 'other',
        lessonId: 'other',
        courseId: 'another-course',
        kind: 'manifest',
        source: 'x',
        passed: true,
        score: 1,
        result: '{}',
        durationMs: 1,
        createdAt: tie,
      },
    })

    const read = async (pageSize: number) => {
      const found = await dal.classAttempts.attempts(t, c.id, { pageSize })
      const pages: { userId: string; exerciseId: string; at: string; failing: string }[][] = []
      for await (const page of found!.pages)
        pages.push(
          page.map((p) => ({
            userId: p.userId,
            exerciseId: p.exerciseId,
            at: p.createdAt.toISOString(),
            failing: p.failing.map((f) => `${f.id}: ${f.message}`).join(),
          })),
        )
      return { found: found!, pages }
    }
    const { found, pages } = await read(2)
    expect(found.learners).toEqual(
      new Map([
        [a.id, { name: 'Ann', email: `att-a-${stamp}@example.com` }],
        [b.id, { name: null, email: `att-b-${stamp}@example.com` }],
      ]),
    )
    expect(pages.map((p) => p.length)).toEqual([2, 2])
    const flat = pages.flat()
    expect(flat[0]).toEqual({ userId: b.id, exerciseId: 'pod-first-manifest', at: '2026-11-01T09:00:00.000Z', failing: '' })
    expect(flat.slice(1).map((r) => r.at)).toEqual([tie.toISOString(), tie.toISOString(), tie.toISOString()])
    // the three attempts made at the same moment, each read once across the page boundary
    expect(
      flat
        .slice(1)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([a.id, a.id, b.id].sort())
    expect(flat.filter((r) => r.failing === 'replicas: replicas is 3')).toHaveLength(2)
    // one page when it is big enough, the same rows
    expect((await read(100)).pages.flat()).toEqual(flat)

    expect(await dal.classAttempts.attempts({ id: other.id, role: 'teacher' }, c.id)).toBeNull()
    await expect(dal.classAttempts.attempts({ id: a.id, role: 'learner' }, c.id)).rejects.toMatchObject({ status: 403 })
    await expect(dal.classAttempts.attempts(null, c.id)).rejects.toMatchObject({ status: 401 })
  })

  it('has no pages for a class without learners', async () => {
    const teacher = await dal.users.upsertWithRole(`att-empty-${Date.now()}@example.com`, 'password-1', 'teacher', 'E')
    const t = { id: teacher.id, role: 'teacher' as const }
    const c = await dal.classes.create(t, { name: 'Empty', courseId: COURSE })
    const found = await dal.classAttempts.attempts(t, c.id)
    const pages = []
    for await (const page of found!.pages) pages.push(page)
    expect(pages).toEqual([])
  })
})
