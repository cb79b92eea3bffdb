/**
 * Teachers' comments (issue 17) on SQLite and PostgreSQL: only a class's teachers (owner, co-teacher, admin) write
 * them, only to that class's learners; a learner reads and marks read only their own; hostile text is refused
 * before anything is stored.
 */
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import type { GradeResult } from '../../grading/result.ts'
import { testDatabases, useTestDatabase, createTestAccount, createTestClass } from '../../testing/db.ts'

type Role = 'learner' | 'teacher' | 'author' | 'admin'
type Person = { id: string; role: Role }

const failed: GradeResult = {
  exercise: 'deployment-web',
  passed: false,
  score: 0.5,
  checks: [{ id: 'selector-matches', passed: false, message: 'selector does not match', hint: null, line: 7, weight: 1 }],
  validation: { valid: true, errors: [] },
  durationMs: 2,
}

describe.each(testDatabases())('teachers’ comments on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const person = (role: Role, name?: string | null) => createTestAccount(database.db, role, name)
  const submit = async (learner: Person, exerciseId = 'deployment-web', lessonId = 'deployment', courseId = 'kubernetes-basics') =>
    (
      await dal.progress.recordSubmission(learner, {
        courseId,
        lessonId,
        exerciseId,
        kind: 'manifest',
        source: 'kind: Deployment\n',
        result: { ...failed, exercise: exerciseId },
      })
    ).submissionId

  /** A class of `owner` in kubernetes-basics with these learners in it. */
  const classOf = async (owner: Person, ...learners: Person[]) => (await createTestClass(dal, owner, { learners })).id
  const count = () => database.db.teacherComment.count()

  it('a teacher comments on a learner’s submission; the learner reads it, and the teacher sees when', async () => {
    const teacher = await person('teacher', 'Ms Kim')
    const learner = await person('learner')
    const classId = await classOf(teacher, learner)
    const submissionId = await submit(learner)

    const made = await dal.comments.commentOnSubmission(teacher, {
      classId,
      submissionId,
      body: '  Look at the selector: it must match the template’s labels.\n ',
    })
    expect(made).toMatchObject({
      learnerId: learner.id,
      authorLabel: 'Ms Kim',
      mine: true,
      lessonId: 'deployment',
      exerciseId: 'deployment-web',
      submissionId,
      groupKey: null,
      groupSize: 1,
      readAt: null,
    })
    expect(made!.body).toBe('Look at the selector: it must match the template’s labels.')

    expect(await dal.comments.forSubmission(teacher, classId, submissionId)).toEqual([made])
    expect(await dal.comments.forLearner(teacher, classId, learner.id)).toEqual([made])
    expect(await dal.comments.unreadCount(learner)).toBe(1)
    const mine = await dal.comments.mine(learner)
    expect(mine).toEqual([
      {
        id: made!.id,
        classId,
        className: expect.stringMatching(/^Class /),
        courseId: 'kubernetes-basics',
        authorLabel: 'Ms Kim',
        lessonId: 'deployment',
        exerciseId: 'deployment-web',
        submissionId,
        body: made!.body,
        createdAt: made!.createdAt,
        readAt: null,
      },
    ])

    expect(await dal.comments.markRead(learner, [made!.id])).toBe(1)
    expect(await dal.comments.unreadCount(learner)).toBe(0)
    const [seen] = (await dal.comments.forLearner(teacher, classId, learner.id))!
    expect(seen!.readAt).toBeInstanceOf(Date)
    // the first reading is the receipt: reading again changes nothing
    expect(await dal.comments.markRead(learner, [made!.id])).toBe(0)
    expect((await dal.comments.forSubmission(teacher, classId, submissionId))![0]!.readAt).toEqual(seen!.readAt)
  })

  it('signs a comment with the teacher’s email when they have no name', async () => {
    const teacher = await person('teacher', null)
    const learner = await person('learner')
    const classId = await classOf(teacher, learner)
    const made = await dal.comments.commentOnSubmission(teacher, { classId, submissionId: await submit(learner), body: 'Try again.' })
    expect(made!.authorLabel).toMatch(/^teacher-.*@example\.org$/)
  })

  it('lets a co-teacher and an admin comment, and a removed co-teacher no longer', async () => {
    const owner = await person('teacher')
    const co = await person('teacher', 'Mr Lee')
    const admin = await person('admin')
    const learner = await person('learner')
    const classId = await classOf(owner, learner)
    const submissionId = await submit(learner)
    await database.db.coTeacher.create({ data: { classroomId: classId, userId: co.id, addedById: owner.id } })

    const byCo = await dal.comments.commentOnSubmission(co, { classId, submissionId, body: 'From the co-teacher.' })
    expect(byCo).toMatchObject({ authorLabel: 'Mr Lee', mine: true })
    expect(await dal.comments.commentOnSubmission(admin, { classId, submissionId, body: 'From support.' })).not.toBeNull()
    // the owner sees both, neither as their own
    expect((await dal.comments.forSubmission(owner, classId, submissionId))!.map((c) => [c.body, c.mine])).toEqual([
      ['From support.', false],
      ['From the co-teacher.', false],
    ])

    await database.db.coTeacher.delete({ where: { classroomId_userId: { classroomId: classId, userId: co.id } } })
    const before = await count()
    expect(await dal.comments.commentOnSubmission(co, { classId, submissionId, body: 'After removal.' })).toBeNull()
    expect(await dal.comments.forSubmission(co, classId, submissionId)).toBeNull()
    expect(await dal.comments.forLearner(co, classId, learner.id)).toBeNull()
    expect(await dal.comments.delete(co, { classId, commentId: byCo!.id })).toBe(0)
    expect(await count()).toBe(before)
  })

  it('refuses another teacher, learners, visitors, and learners or submissions that are not the class’s', async () => {
    const teacher = await person('teacher')
    const other = await person('teacher')
    const learner = await person('learner')
    const elsewhere = await person('learner') // a learner of another teacher's class
    const classId = await classOf(teacher, learner)
    const otherClass = await classOf(other, elsewhere)
    const submissionId = await submit(learner)
    const foreignSubmission = await submit(elsewhere)
    const otherCourse = await submit(learner, 'some-exercise', 'some-lesson', 'another-course')
    const before = await count()

    expect(await dal.comments.commentOnSubmission(other, { classId, submissionId, body: 'Not my class.' })).toBeNull()
    expect(
      await dal.comments.commentOnSubmission(teacher, { classId, submissionId: foreignSubmission, body: 'Not my learner.' }),
    ).toBeNull()
    expect(
      await dal.comments.commentOnSubmission(teacher, { classId: otherClass, submissionId: foreignSubmission, body: 'Not my class.' }),
    ).toBeNull()
    expect(await dal.comments.commentOnSubmission(teacher, { classId, submissionId: otherCourse, body: 'Another course.' })).toBeNull()
    expect(await dal.comments.commentOnSubmission(teacher, { classId, submissionId: 'no-such-submission', body: 'Gone.' })).toBeNull()
    await expect(dal.comments.commentOnSubmission(learner, { classId, submissionId, body: 'I teach myself.' })).rejects.toMatchObject({
      status: 403,
    })
    await expect(dal.comments.commentOnSubmission(null, { classId, submissionId, body: 'Visitor.' })).rejects.toMatchObject({ status: 401 })
    await expect(
      dal.comments.commentOnGroup(learner, { classId, exerciseId: 'deployment-web', checkId: 'c', learnerIds: [learner.id], body: 'x' }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      dal.comments.commentOnGroup(null, { classId, exerciseId: 'deployment-web', checkId: 'c', learnerIds: [learner.id], body: 'x' }),
    ).rejects.toMatchObject({ status: 401 })
    expect(await count()).toBe(before)

    // a learner removed from the class takes their submissions out of reach
    const made = await dal.comments.commentOnSubmission(teacher, { classId, submissionId, body: 'Before leaving.' })
    expect(made).not.toBeNull()
    expect(await dal.comments.forSubmission(other, classId, submissionId)).toBeNull()
    expect(await dal.comments.forLearner(other, classId, learner.id)).toBeNull()
    expect(await dal.comments.forLearner(teacher, classId, elsewhere.id)).toBeNull()
    await expect(dal.comments.forSubmission(learner, classId, submissionId)).rejects.toMatchObject({ status: 403 })
    await expect(dal.comments.forLearner(learner, classId, learner.id)).rejects.toMatchObject({ status: 403 })
    await expect(dal.comments.forLearner(null, classId, learner.id)).rejects.toMatchObject({ status: 401 })
    await dal.classes.removeLearner(teacher, classId, learner.id)
    expect(await dal.comments.commentOnSubmission(teacher, { classId, submissionId, body: 'After leaving.' })).toBeNull()
    expect(await dal.comments.forLearner(teacher, classId, learner.id)).toBeNull()
  })

  it('writes one comment to a mistake group as a copy per learner, each with its own read receipt', async () => {
    const teacher = await person('teacher')
    const [a, b, c] = [await person('learner'), await person('learner'), await person('learner')]
    const classId = await classOf(teacher, a, b, c)
    for (const l of [a, b, c]) await submit(l)
    await submit(a) // two attempts: still one copy

    const made = await dal.comments.commentOnGroup(teacher, {
      classId,
      exerciseId: 'deployment-web',
      checkId: 'selector-matches',
      learnerIds: [a.id, b.id, a.id],
      body: 'The selector must match the template labels.',
    })
    expect(made).toHaveLength(2)
    expect(new Set(made!.map((m) => m.learnerId))).toEqual(new Set([a.id, b.id]))
    expect(
      made!.every(
        (m) =>
          m.groupKey === made![0]!.groupKey &&
          m.groupKey !== null &&
          m.groupSize === 2 &&
          m.checkId === 'selector-matches' &&
          m.lessonId === 'deployment' &&
          m.submissionId === null,
      ),
    ).toBe(true)

    expect((await dal.comments.mine(a)).map((m) => m.body)).toEqual(['The selector must match the template labels.'])
    expect(await dal.comments.mine(c)).toEqual([])
    await dal.comments.markRead(a, { exerciseId: 'deployment-web' })
    const [forA] = (await dal.comments.forLearner(teacher, classId, a.id))!
    const [forB] = (await dal.comments.forLearner(teacher, classId, b.id))!
    expect(forA!.readAt).toBeInstanceOf(Date)
    expect(forB!.readAt).toBeNull()
    expect(forB!.groupSize).toBe(2)

    // deleting with `group` takes every copy back
    expect(await dal.comments.delete(teacher, { classId, commentId: forB!.id, group: true })).toBe(2)
    expect(await dal.comments.mine(a)).toEqual([])
  })

  it('refuses a group with a learner outside the class, or one who never tried the exercise, and writes nothing', async () => {
    const teacher = await person('teacher')
    const other = await person('teacher')
    const [a, idle] = [await person('learner'), await person('learner')]
    const outsider = await person('learner')
    const classId = await classOf(teacher, a, idle)
    await classOf(other, outsider)
    await submit(a)
    await submit(outsider)
    const group = (learnerIds: string[], by: Person = teacher, exerciseId = 'deployment-web') =>
      dal.comments.commentOnGroup(by, { classId, exerciseId, checkId: 'selector-matches', learnerIds, body: 'Shared mistake.' })
    const before = await count()
    expect(await group([a.id, outsider.id])).toBeNull()
    expect(await group([a.id, idle.id])).toBeNull()
    expect(await group([a.id, 'no-such-user'])).toBeNull()
    expect(await group([a.id], teacher, 'service-hello')).toBeNull() // a tried another exercise
    expect(await group([a.id], other)).toBeNull()
    expect(await count()).toBe(before)
    await expect(group([])).rejects.toBeInstanceOf(ZodError)
    await expect(group(Array.from({ length: 501 }, (_, i) => `id-${i}`))).rejects.toBeInstanceOf(ZodError)
    expect(await group([a.id])).toHaveLength(1)
  })

  it('shows a learner only their own comments, newest first, by exercise, and marks only their own read', async () => {
    const teacher = await person('teacher')
    const [me, classmate] = [await person('learner'), await person('learner')]
    const classId = await classOf(teacher, me, classmate)
    const deployment = await submit(me)
    const service = await submit(me, 'service-hello', 'service')
    const theirs = await submit(classmate)
    const first = await dal.comments.commentOnSubmission(teacher, { classId, submissionId: deployment, body: 'First.' })
    const second = await dal.comments.commentOnSubmission(teacher, { classId, submissionId: service, body: 'Second.' })
    const toClassmate = await dal.comments.commentOnSubmission(teacher, { classId, submissionId: theirs, body: 'For someone else.' })

    expect((await dal.comments.mine(me)).map((c) => c.body)).toEqual(['Second.', 'First.'])
    expect((await dal.comments.mine(me, { exerciseId: 'service-hello' })).map((c) => c.id)).toEqual([second!.id])
    expect(await dal.comments.mine(me, { exerciseId: 'no-such-exercise' })).toEqual([])
    await expect(dal.comments.mine(me, { exerciseId: 'x\u0000' })).rejects.toBeInstanceOf(ZodError)
    await expect(dal.comments.mine(null)).rejects.toMatchObject({ status: 401 })
    await expect(dal.comments.unreadCount(null)).rejects.toMatchObject({ status: 401 })
    await expect(dal.comments.markRead(null, [first!.id])).rejects.toMatchObject({ status: 401 })

    // someone else's comment cannot be marked read, by id or by exercise
    expect(await dal.comments.markRead(me, [toClassmate!.id])).toBe(0)
    expect(await dal.comments.markRead(me, { exerciseId: 'deployment-web' })).toBe(1)
    expect(await dal.comments.unreadCount(classmate)).toBe(1)
    expect(await dal.comments.unreadCount(me)).toBe(1)
    expect(await dal.comments.markRead(me, [])).toBe(0)
    await expect(
      dal.comments.markRead(
        me,
        Array.from({ length: 201 }, (_, i) => `id-${i}`),
      ),
    ).rejects.toBeInstanceOf(ZodError)
    await expect(dal.comments.markRead(me, { exerciseId: 'deployment-web', id: 'x' } as never)).rejects.toBeInstanceOf(ZodError)
    // a teacher of the class reads a comment's receipt; the learner sees no one else's
    expect((await dal.comments.forLearner(teacher, classId, classmate.id))!.map((c) => c.readAt)).toEqual([null])
    expect((await dal.comments.mine(classmate)).map((c) => c.id)).toEqual([toClassmate!.id])
  })

  it('refuses hostile text before storing anything: too long, NUL, a lone surrogate, empty', async () => {
    const teacher = await person('teacher')
    const learner = await person('learner')
    const classId = await classOf(teacher, learner)
    const submissionId = await submit(learner)
    const before = await count()
    for (const body of ['x'.repeat(2001), 'a\u0000b', 'half \ud800 pair', '', '   \n\t ', 42, null]) {
      await expect(dal.comments.commentOnSubmission(teacher, { classId, submissionId, body } as never)).rejects.toBeInstanceOf(ZodError)
      await expect(
        dal.comments.commentOnGroup(teacher, {
          classId,
          exerciseId: 'deployment-web',
          checkId: 'c',
          learnerIds: [learner.id],
          body,
        } as never),
      ).rejects.toBeInstanceOf(ZodError)
    }
    await expect(dal.comments.commentOnSubmission(teacher, { classId: 'c\u0000', submissionId, body: 'ok' })).rejects.toBeInstanceOf(
      ZodError,
    )
    await expect(
      dal.comments.commentOnGroup(teacher, { classId, exerciseId: 'deployment-web', checkId: 'c', learnerIds: ['\u0000'], body: 'ok' }),
    ).rejects.toBeInstanceOf(ZodError)
    expect(await dal.comments.forSubmission(teacher, classId, 'bad\u0000id')).toBeNull()
    expect(await dal.comments.forLearner(teacher, classId, 'bad\u0000id')).toBeNull()
    expect(await count()).toBe(before)

    // the limit is 2000 characters after trimming, with a CRLF counted as one line end; emoji pairs are text
    const longest = await dal.comments.commentOnSubmission(teacher, { classId, submissionId, body: `  ${'가'.repeat(1990)}\r\n😀😀😀😀 ` })
    expect(longest!.body).toBe(`${'가'.repeat(1990)}\n😀😀😀😀`)
    expect(longest!.body.length).toBe(1999)
    expect(await dal.comments.commentOnSubmission(teacher, { classId, submissionId, body: 'y'.repeat(2000) })).not.toBeNull()
    const stored = await database.db.teacherComment.findUniqueOrThrow({ where: { id: longest!.id } })
    expect(stored.body).toBe(longest!.body)
  })

  it('deletes a comment by its author or another teacher of the class, never by anyone else', async () => {
    const owner = await person('teacher')
    const co = await person('teacher')
    const other = await person('teacher')
    const learner = await person('learner')
    const classId = await classOf(owner, learner)
    await database.db.coTeacher.create({ data: { classroomId: classId, userId: co.id } })
    const submissionId = await submit(learner)
    const a = await dal.comments.commentOnSubmission(owner, { classId, submissionId, body: 'One.' })
    const b = await dal.comments.commentOnSubmission(owner, { classId, submissionId, body: 'Two.' })

    expect(await dal.comments.delete(other, { classId, commentId: a!.id })).toBe(0)
    await expect(dal.comments.delete(learner, { classId, commentId: a!.id })).rejects.toMatchObject({ status: 403 })
    await expect(dal.comments.delete(null, { classId, commentId: a!.id })).rejects.toMatchObject({ status: 401 })
    // a comment id of another class, named with this class, is not found
    const otherClass = await classOf(other, learner)
    expect(await dal.comments.delete(other, { classId: otherClass, commentId: a!.id })).toBe(0)
    expect(await dal.comments.delete(owner, { classId, commentId: a!.id })).toBe(1)
    expect(await dal.comments.delete(co, { classId, commentId: b!.id })).toBe(1)
    expect(await dal.comments.delete(co, { classId, commentId: b!.id })).toBe(0)
    expect(await dal.comments.forSubmission(owner, classId, submissionId)).toEqual([])
  })
})
