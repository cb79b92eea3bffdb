import { describe, expect, it } from 'vitest'
import { AccessDeniedError } from './viewer.ts'
import { EmailTakenError } from './users.ts'
import { testDatabases, useTestDatabase } from '../../testing/db.ts'
import type { GradeResult } from '../../grading/result.ts'
import { demoClassName, demoPassword, seedDemo } from '../../../prisma/seed.ts'

function result(passed: boolean, score: number): GradeResult {
  return {
    exercise: 'pod-first-manifest',
    passed,
    score,
    checks: [{ id: 'image', passed, message: passed ? 'ok' : 'wrong image', hint: passed ? null : 'use nginx:1.27', line: 9, weight: 1 }],
    validation: { valid: true, errors: [] },
    durationMs: 3.4,
  }
}

describe.each(testDatabases())('data-access layer on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)

  it('answers a ping once migrated', async () => {
    await expect(dal.ping()).resolves.toBe(true)
  })

  it('signs up a learner, refuses the same email twice, and authenticates only the right password', async () => {
    const user = await dal.users.signUp({ email: '  Ada@Example.com ', password: 'correct horse', name: 'Ada' })
    expect(user).toMatchObject({ email: 'ada@example.com', role: 'learner', name: 'Ada' })
    await expect(dal.users.signUp({ email: 'ada@example.com', password: 'another one' })).rejects.toBeInstanceOf(EmailTakenError)
    expect(await dal.users.authenticate('ADA@example.com', 'correct horse')).toMatchObject({ id: user.id, role: 'learner' })
    expect(await dal.users.authenticate('ada@example.com', 'wrong password')).toBeNull()
    expect(await dal.users.authenticate('nobody@example.com', 'correct horse')).toBeNull()
  })

  it('stores submissions and keeps a lesson completed once it was passed', async () => {
    const user = await dal.users.signUp({ email: `learner-${Date.now()}@example.com`, password: 'password-1' })
    const viewer = { id: user.id, role: user.role }
    const base = { courseId: 'kubernetes-basics', lessonId: 'pod', exerciseId: 'pod-first-manifest', kind: 'manifest' as const }

    const first = await dal.progress.recordSubmission(viewer, { ...base, source: 'kind: Pod', result: result(false, 0.5) })
    expect(first.progress).toMatchObject({ status: 'started', attempts: 1, bestScore: 0.5, completedAt: null })

    const second = await dal.progress.recordSubmission(viewer, { ...base, source: 'kind: Pod\n', result: result(true, 1) })
    expect(second.progress).toMatchObject({ status: 'completed', attempts: 2, bestScore: 1 })
    expect(second.progress.completedAt).not.toBeNull()

    const third = await dal.progress.recordSubmission(viewer, { ...base, source: 'broken', result: result(false, 0) })
    expect(third.progress).toMatchObject({ status: 'completed', attempts: 3, bestScore: 1, completedAt: second.progress.completedAt })

    const progress = await dal.progress.courseProgress(viewer, 'kubernetes-basics')
    expect(progress).toEqual([third.progress])
    const recent = await dal.progress.recentSubmissions(viewer)
    expect(recent.map((s) => s.passed)).toEqual([false, true, false])
  })

  it('stores quiz attempts with their score', async () => {
    const user = await dal.users.signUp({ email: `quiz-${Date.now()}@example.com`, password: 'password-1' })
    const result = { quiz: 'pod-basics', correct: 4, total: 5, score: 0.8, questions: [] }
    const { attemptId } = await dal.quizzes.recordAttempt(
      { id: user.id, role: 'learner' },
      { courseId: 'kubernetes-basics', lessonId: 'pod', answers: { 'smallest-unit': 'b' }, result },
    )
    const stored = await database.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
    expect(stored).toMatchObject({ quizId: 'pod-basics', correct: 4, total: 5, score: 0.8 })
    expect(JSON.parse(stored.answers)).toEqual({ 'smallest-unit': 'b' })
    await expect(dal.quizzes.recordAttempt(null, { courseId: 'c', lessonId: 'l', answers: {}, result })).rejects.toBeInstanceOf(
      AccessDeniedError,
    )
  })

  it('counts attempts per exercise for hints and the solution', async () => {
    const user = await dal.users.signUp({ email: `attempts-${Date.now()}@example.com`, password: 'password-1' })
    const viewer = { id: user.id, role: user.role }
    expect(await dal.progress.exerciseAttempts(viewer, 'pod-first-manifest')).toEqual({ attempts: 0, passed: false })
    const base = { courseId: 'kubernetes-basics', lessonId: 'pod', exerciseId: 'pod-first-manifest', kind: 'manifest' as const, source: '' }
    const failed = await dal.progress.recordSubmission(viewer, { ...base, result: result(false, 0.3) })
    expect(failed.exercise).toEqual({ attempts: 1, passed: false })
    const passed = await dal.progress.recordSubmission(viewer, { ...base, result: result(true, 1) })
    expect(passed.exercise).toEqual({ attempts: 2, passed: true })
    const again = await dal.progress.recordSubmission(viewer, { ...base, result: result(false, 0) })
    expect(again.exercise).toEqual({ attempts: 3, passed: true })
    expect(await dal.progress.exerciseAttempts(viewer, 'pod-first-manifest')).toEqual({ attempts: 3, passed: true })
    // another exercise's submissions do not count
    expect(await dal.progress.exerciseAttempts(viewer, 'deployment-web')).toEqual({ attempts: 0, passed: false })
  })

  it('reads back a learner’s last pass and best quiz attempt, for a passed lesson reopened', async () => {
    const user = await dal.users.signUp({ email: `reopen-${Date.now()}@example.com`, password: 'password-1' })
    const viewer = { id: user.id, role: user.role }
    expect(await dal.progress.lastPass(viewer, 'pod-first-manifest')).toBeNull()
    expect(await dal.quizzes.bestAttempt(viewer, 'pod-basics')).toBeNull()
    const base = { courseId: 'kubernetes-basics', lessonId: 'pod', exerciseId: 'pod-first-manifest', kind: 'manifest' as const, source: '' }
    await dal.progress.recordSubmission(viewer, { ...base, result: result(false, 0.3) })
    expect(await dal.progress.lastPass(viewer, 'pod-first-manifest')).toBeNull()
    await dal.progress.recordSubmission(viewer, { ...base, result: result(true, 1) })
    await dal.progress.recordSubmission(viewer, { ...base, result: result(false, 0) }) // a later failure keeps the pass
    const pass = await dal.progress.lastPass(viewer, 'pod-first-manifest')
    expect(pass).toMatchObject({ score: 1, checks: [{ id: 'image', passed: true }] })
    expect(Date.parse(pass!.at)).not.toBeNaN()
    await expect(dal.progress.lastPass(null, 'pod-first-manifest')).rejects.toBeInstanceOf(AccessDeniedError)

    const quiz = (correct: number) => ({ quiz: 'pod-basics', correct, total: 5, score: correct / 5, questions: [] })
    for (const correct of [2, 4, 3])
      await dal.quizzes.recordAttempt(viewer, { courseId: 'kubernetes-basics', lessonId: 'pod', answers: {}, result: quiz(correct) })
    expect(await dal.quizzes.bestAttempt(viewer, 'pod-basics')).toMatchObject({ correct: 4, total: 5, score: 0.8 })
    // another learner's attempts are not theirs
    const other = await dal.users.signUp({ email: `reopen-other-${Date.now()}@example.com`, password: 'password-1' })
    expect(await dal.quizzes.bestAttempt({ id: other.id, role: other.role }, 'pod-basics')).toBeNull()
  })

  it('lets a teacher run a class: create, invite, see who joined and how far they got', async () => {
    const stamp = Date.now()
    const teacherUser = await dal.users.upsertWithRole(`teacher-${stamp}@example.com`, 'password-1', 'teacher', 'Ms Kim')
    const teacher = { id: teacherUser.id, role: teacherUser.role }
    const other = await dal.users.upsertWithRole(`teacher2-${stamp}@example.com`, 'password-1', 'teacher', 'Mr Lee')
    const learnerUser = await dal.users.signUp({ email: `pupil-${stamp}@example.com`, password: 'password-1', name: 'Bora' })
    const learner = { id: learnerUser.id, role: learnerUser.role }

    const created = await dal.classes.create(teacher, { name: '  Monday group ', courseId: 'kubernetes-basics' })
    expect(created).toMatchObject({ name: 'Monday group', courseId: 'kubernetes-basics', learnerCount: 0 })
    expect(created.inviteCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/)

    // learners join with the code as they type it; twice (even at once) is one enrolment
    const typed = `${created.inviteCode.slice(0, 4).toLowerCase()}-${created.inviteCode.slice(4)}`
    const [a, b] = await Promise.all([dal.classes.join(learner, typed), dal.classes.join(learner, typed)])
    expect([a.classId, b.classId]).toEqual([created.id, created.id])
    expect((await dal.classes.join(learner, created.inviteCode)).alreadyMember).toBe(true)
    expect(await dal.classes.joined(learner)).toEqual([
      { id: created.id, name: 'Monday group', courseId: 'kubernetes-basics', teacher: 'Ms Kim' },
    ])

    await dal.progress.touchLesson(learner, 'kubernetes-basics', 'pod')
    for (let i = 0; i < 3; i++) {
      await dal.progress.recordSubmission(learner, {
        courseId: 'kubernetes-basics',
        lessonId: 'pod',
        exerciseId: 'pod-first-manifest',
        kind: 'manifest',
        source: 'x',
        result: result(false, 0.5),
      })
    }
    await dal.progress.touchLesson(learner, 'other-course', 'x') // another course's progress stays out

    const seen = await dal.classes.learnerSubmissions(teacher, created.id, learner.id)
    expect(seen?.learner).toMatchObject({ id: learner.id, name: 'Bora' })
    expect(seen?.submissions).toHaveLength(3)
    expect(seen?.progress).toEqual([
      {
        userId: learner.id,
        lessonId: 'pod',
        status: 'started',
        attempts: 3,
        bestScore: 0.5,
        updatedAt: expect.any(Date),
        completedAt: null,
      },
    ])
    expect(seen?.quizzes).toEqual([])
    expect(seen?.submissions[0]).toMatchObject({
      exerciseId: 'pod-first-manifest',
      passed: false,
      source: 'x',
      failing: [{ id: 'image', message: 'wrong image', line: 9 }],
    })
    expect(await dal.classes.learnerSubmissions({ id: other.id, role: 'teacher' }, created.id, learner.id)).toBeNull()
    expect(await dal.classes.learnerSubmissions(teacher, created.id, other.id)).toBeNull() // not in the class
    await expect(dal.classes.learnerSubmissions(learner, created.id, learner.id)).rejects.toMatchObject({ status: 403 })

    const detail = await dal.classes.detail(teacher, created.id)
    expect(detail?.learners).toEqual([{ id: learner.id, name: 'Bora', email: `pupil-${stamp}@example.com`, joinedAt: expect.any(Date) }])
    expect(detail?.progress).toEqual([
      {
        userId: learner.id,
        lessonId: 'pod',
        status: 'started',
        attempts: 3,
        bestScore: 0.5,
        updatedAt: expect.any(Date),
        completedAt: null,
      },
    ])
    expect((await dal.classes.listTaught(teacher)).find((c) => c.id === created.id)?.learnerCount).toBe(1)

    // another teacher's class reads as not found; learners are not teachers
    expect(await dal.classes.detail({ id: other.id, role: 'teacher' }, created.id)).toBeNull()
    expect(await dal.classes.listTaught({ id: other.id, role: 'teacher' })).toEqual([])
    await expect(dal.classes.detail(learner, created.id)).rejects.toMatchObject({ status: 403 })
    await expect(dal.classes.create(learner, { name: 'x', courseId: 'kubernetes-basics' })).rejects.toMatchObject({ status: 403 })
    await expect(dal.classes.create(null, { name: 'x', courseId: 'kubernetes-basics' })).rejects.toMatchObject({ status: 401 })
    await expect(dal.classes.create(teacher, { name: '   ', courseId: 'kubernetes-basics' })).rejects.toThrow()

    // a renewed code replaces the old one
    const renewed = await dal.classes.renewInviteCode(teacher, created.id)
    expect(renewed).not.toBe(created.inviteCode)
    expect(await dal.classes.renewInviteCode({ id: other.id, role: 'teacher' }, created.id)).toBeNull()
    const late = await dal.users.signUp({ email: `late-${stamp}@example.com`, password: 'password-1' })
    await expect(dal.classes.join({ id: late.id, role: late.role }, created.inviteCode)).rejects.toMatchObject({ reason: 'unknown' })
    await expect(dal.classes.join({ id: late.id, role: late.role }, renewed!)).resolves.toMatchObject({
      classId: created.id,
      alreadyMember: false,
    })
    await expect(dal.classes.join({ id: late.id, role: late.role }, 'not a code')).rejects.toMatchObject({ reason: 'invalid' })
    await expect(dal.classes.join(teacher, renewed!)).rejects.toMatchObject({ reason: 'own' })
    await expect(dal.classes.join(null, renewed!)).rejects.toMatchObject({ status: 401 })

    // rename, remove a learner, archive — only by the class's teacher
    expect(await dal.classes.rename({ id: other.id, role: 'teacher' }, created.id, 'Hijacked')).toBe(false)
    expect(await dal.classes.rename(teacher, created.id, ' Tuesday group ')).toBe(true)
    await expect(dal.classes.rename(teacher, created.id, '')).rejects.toThrow()
    expect(await dal.classes.removeLearner({ id: other.id, role: 'teacher' }, created.id, late.id)).toBe(false)
    expect(await dal.classes.removeLearner(teacher, created.id, late.id)).toBe(true)
    expect(await dal.classes.removeLearner(teacher, created.id, late.id)).toBe(false)
    const after = await dal.classes.detail(teacher, created.id)
    expect(after).toMatchObject({ name: 'Tuesday group', learnerCount: 1 })
    expect(await dal.progress.exerciseAttempts(learner, 'pod-first-manifest')).toMatchObject({ attempts: 3 })
    await expect(dal.classes.archive(learner, created.id)).rejects.toMatchObject({ status: 403 })
    expect(await dal.classes.archive(teacher, created.id)).toBe(true)
    expect(await dal.classes.detail(teacher, created.id)).toBeNull()
    expect((await dal.classes.listTaught(teacher)).some((c) => c.id === created.id)).toBe(false)
    expect(await dal.classes.joined(learner)).toEqual([])
    await expect(dal.classes.join({ id: late.id, role: late.role }, renewed!)).rejects.toMatchObject({ reason: 'unknown' })
    // the learner's own progress is theirs: archiving the class keeps it
    expect(await dal.progress.courseProgress(learner, 'kubernetes-basics')).toHaveLength(1)
  })

  it('seeds the demo accounts and a demo class with the demo learner in it, once', async () => {
    await seedDemo(dal)
    await seedDemo(dal)
    const teacher = await dal.users.authenticate('teacher@kubelab.dev', demoPassword)
    const learner = await dal.users.authenticate('learner@kubelab.dev', demoPassword)
    expect(teacher?.role).toBe('teacher')
    const classes = await dal.classes.listTaught({ id: teacher!.id, role: 'teacher' })
    expect(classes.map((c) => [c.name, c.learnerCount])).toEqual([[demoClassName, 1]])
    expect((await dal.classes.joined({ id: learner!.id, role: 'learner' })).map((c) => c.name)).toEqual([demoClassName])
  })

  it('keeps one draft per learner and exercise', async () => {
    const user = await dal.users.signUp({ email: `draft-${Date.now()}@example.com`, password: 'password-1' })
    const viewer = { id: user.id, role: user.role }
    expect(await dal.drafts.load(viewer, 'pod-first-manifest')).toBeNull()
    await dal.drafts.save(viewer, 'pod-first-manifest', 'kind: Pod\n')
    await dal.drafts.save(viewer, 'pod-first-manifest', 'kind: Pod\nmetadata: {}\n')
    expect(await dal.drafts.load(viewer, 'pod-first-manifest')).toBe('kind: Pod\nmetadata: {}\n')
    await expect(dal.drafts.save(null, 'pod-first-manifest', 'x')).rejects.toBeInstanceOf(AccessDeniedError)
  })

  it('stores nothing for an anonymous visitor', async () => {
    const base = {
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      exerciseId: 'x',
      kind: 'manifest' as const,
      source: '',
      result: result(true, 1),
    }
    await expect(dal.progress.recordSubmission(null, base)).rejects.toBeInstanceOf(AccessDeniedError)
    expect(await database.db.submission.count({ where: { exerciseId: 'x' } })).toBe(0)
  })

  it('rolls back the submission when the progress write fails', async () => {
    const viewer = { id: 'no-such-user', role: 'learner' as const }
    const base = {
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      exerciseId: 'rollback-probe',
      kind: 'manifest' as const,
      source: '',
      result: result(true, 1),
    }
    await expect(dal.progress.recordSubmission(viewer, base)).rejects.toThrow()
    expect(await database.db.submission.count({ where: { exerciseId: 'rollback-probe' } })).toBe(0)
  })
})
