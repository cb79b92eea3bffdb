import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { accountOperations } from './accounts.ts'
import { cliActor } from './audit.ts'
import { CoTeacherError } from './co-teachers.ts'
import type { Role } from '../auth/roles.ts'
import { testDatabases, useTestDatabase, createTestAccount, createTestClass } from '../../testing/db.ts'

const refusal = (reason: string) => expect.objectContaining({ reason }) as unknown as CoTeacherError

describe.each(testDatabases())('co-teachers on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const account = (role: Role, name?: string) => createTestAccount(database.db, role, name)
  /** a class of a fresh owner with one learner in it who has submitted once */
  const classWithLearner = async () => {
    const owner = await account('teacher', 'Ms Owner')
    const learner = await account('learner')
    const made = await createTestClass(dal, owner, { learners: [learner] })
    await dal.progress.recordSubmission(learner, {
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      exerciseId: 'pod-first-manifest',
      kind: 'manifest',
      source: 'kind: Pod\n',
      result: {
        exercise: 'pod-first-manifest',
        passed: false,
        score: 0,
        checks: [],
        validation: { valid: true, errors: [] },
        durationMs: 1,
      },
    })
    return { owner, learner, classId: made.id, inviteCode: made.inviteCode, name: made.name }
  }
  const audits = (action: string, classId: string) =>
    database.db.auditEvent.findMany({ where: { action, targetId: classId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })

  it('adds a teacher by email: both see and manage the class, the list marks it co-taught, the log records who added whom', async () => {
    const { owner, learner, classId, name } = await classWithLearner()
    const colleague = await account('teacher', 'Mr Colleague')
    expect(await dal.classes.teachers(colleague, classId)).toBeNull()

    const added = await dal.classes.addCoTeacher(owner, classId, `  ${colleague.email.toUpperCase()} `)
    expect(added).toEqual({ id: colleague.id, name: 'Mr Colleague', email: colleague.email })

    const list = await dal.classes.teachers(colleague, classId)
    expect(list?.teachers.map((t) => [t.name, t.owner, t.addedBy?.name ?? null])).toEqual([
      ['Ms Owner', true, null],
      ['Mr Colleague', false, 'Ms Owner'],
    ])
    expect(list).toMatchObject({ viewerManages: false, viewerId: colleague.id, className: name })
    expect((await dal.classes.teachers(owner, classId))?.viewerManages).toBe(true)

    expect((await dal.classes.detail(colleague, classId))?.learners.map((l) => l.id)).toEqual([learner.id])
    expect((await dal.classes.learnerSubmissions(colleague, classId, learner.id))?.totalSubmissions).toBe(1)
    expect(await dal.classes.rename(colleague, classId, 'Renamed by the co-teacher')).toBe(true)
    expect((await dal.classes.listTaught(colleague)).map((c) => [c.id, c.coTeaching])).toEqual([[classId, true]])
    expect((await dal.classes.listTaught(owner)).map((c) => [c.id, c.coTeaching])).toEqual([[classId, false]])

    const [event] = await audits('class.co_teacher_added', classId)
    expect(event).toMatchObject({ actorId: owner.id, actorLabel: owner.email, targetType: 'class', targetLabel: name })
    expect(JSON.parse(event!.detail)).toEqual({ userId: colleague.id, email: colleague.email })
  })

  it('lets any teacher of the class add another, and an admin too', async () => {
    const { owner, classId } = await classWithLearner()
    const first = await account('teacher', 'First co')
    const second = await account('teacher', 'Second co')
    const admin = await account('admin', 'Support')
    await dal.classes.addCoTeacher(owner, classId, first.email)
    await dal.classes.addCoTeacher(first, classId, second.email)
    await dal.classes.addCoTeacher(admin, classId, admin.email) // an admin may teach a class too
    const list = await dal.classes.teachers(owner, classId)
    expect(list?.teachers.map((t) => [t.name, t.addedBy?.name ?? null])).toEqual([
      ['Ms Owner', null],
      ['First co', 'Ms Owner'],
      ['Second co', 'First co'],
      ['Support', 'Support'],
    ])
    expect((await audits('class.co_teacher_added', classId)).map((e) => e.actorId)).toEqual([owner.id, first.id, admin.id])
  })

  it('refuses, with a reason for each, whom it cannot add, and records nothing', async () => {
    const { owner, learner, classId } = await classWithLearner()
    const colleague = await account('teacher')
    await dal.classes.addCoTeacher(owner, classId, colleague.email)
    const author = await account('author')
    const otherLearner = await account('learner')
    const disabled = await account('teacher')
    await database.db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } })

    await expect(dal.classes.addCoTeacher(owner, classId, 'nobody-here@example.com')).rejects.toEqual(refusal('no_account'))
    await expect(dal.classes.addCoTeacher(owner, classId, disabled.email)).rejects.toEqual(refusal('disabled'))
    await expect(dal.classes.addCoTeacher(owner, classId, author.email)).rejects.toEqual(refusal('not_teacher'))
    await expect(dal.classes.addCoTeacher(owner, classId, otherLearner.email)).rejects.toEqual(refusal('not_teacher'))
    await expect(dal.classes.addCoTeacher(owner, classId, owner.email)).rejects.toEqual(refusal('already_teaches'))
    await expect(dal.classes.addCoTeacher(owner, classId, colleague.email)).rejects.toEqual(refusal('already_teaches'))
    await expect(dal.classes.addCoTeacher(colleague, classId, colleague.email)).rejects.toEqual(refusal('already_teaches'))
    // a learner of the class who became a teacher: not both at once
    await accountOperations(database.db).changeRole(cliActor, { id: learner.id }, 'teacher')
    await expect(dal.classes.addCoTeacher(owner, classId, learner.email)).rejects.toEqual(refusal('learner_of_class'))
    await expect(dal.classes.addCoTeacher(owner, classId, 'not an email')).rejects.toBeInstanceOf(ZodError)

    expect((await dal.classes.teachers(owner, classId))?.teachers).toHaveLength(2)
    expect(await audits('class.co_teacher_added', classId)).toHaveLength(1)
  })

  it('refuses visitors, learners, authors and teachers of other classes', async () => {
    const { owner, learner, classId } = await classWithLearner()
    const stranger = await account('teacher')
    const target = await account('teacher')
    const author = await account('author')
    await expect(dal.classes.addCoTeacher(null, classId, target.email)).rejects.toMatchObject({ status: 401 })
    await expect(dal.classes.addCoTeacher(learner, classId, target.email)).rejects.toMatchObject({ status: 403 })
    await expect(dal.classes.addCoTeacher(author, classId, target.email)).rejects.toMatchObject({ status: 403 })
    await expect(dal.classes.teachers(learner, classId)).rejects.toMatchObject({ status: 403 })
    await expect(dal.classes.removeCoTeacher(null, classId, target.id)).rejects.toMatchObject({ status: 401 })
    // another teacher neither learns that the class exists nor changes it, even adding themselves
    expect(await dal.classes.teachers(stranger, classId)).toBeNull()
    expect(await dal.classes.addCoTeacher(stranger, classId, stranger.email)).toBeNull()
    expect(await dal.classes.addCoTeacher(stranger, 'no-such-class', target.email)).toBeNull()
    await dal.classes.addCoTeacher(owner, classId, target.email)
    expect(await dal.classes.removeCoTeacher(stranger, classId, target.id)).toBe(false)
    expect((await dal.classes.teachers(owner, classId))?.teachers.map((t) => t.id)).toEqual([owner.id, target.id])
    expect(await audits('class.co_teacher_removed', classId)).toHaveLength(0)
  })

  it('removes access at the next call: the owner removes a co-teacher, a co-teacher leaves, nobody removes the owner', async () => {
    const { owner, learner, classId, inviteCode } = await classWithLearner()
    const stays = await account('teacher')
    const removed = await account('teacher')
    for (const t of [stays, removed]) await dal.classes.addCoTeacher(owner, classId, t.email)

    // a co-teacher may not remove the owner nor another co-teacher
    await expect(dal.classes.removeCoTeacher(stays, classId, owner.id)).rejects.toEqual(refusal('owner'))
    await expect(dal.classes.removeCoTeacher(owner, classId, owner.id)).rejects.toEqual(refusal('owner'))
    await expect(dal.classes.removeCoTeacher(stays, classId, removed.id)).rejects.toMatchObject({ status: 403 })
    await expect(dal.classes.removeCoTeacher(learner, classId, removed.id)).rejects.toMatchObject({ status: 403 })
    expect(await dal.classes.detail(removed, classId)).not.toBeNull()

    expect(await dal.classes.removeCoTeacher(owner, classId, removed.id)).toBe(true)
    expect(await dal.classes.removeCoTeacher(owner, classId, removed.id)).toBe(false) // gone already: nothing logged twice
    expect(await dal.classes.detail(removed, classId)).toBeNull()
    expect(await dal.classes.learnerSubmissions(removed, classId, learner.id)).toBeNull()
    expect(await dal.classes.teachers(removed, classId)).toBeNull()
    expect(await dal.classes.rename(removed, classId, 'Not theirs any more')).toBe(false)
    expect(await dal.classes.listTaught(removed)).toEqual([])

    expect(await dal.classes.removeCoTeacher(stays, classId, stays.id)).toBe(true) // leaving
    expect(await dal.classes.detail(stays, classId)).toBeNull()
    expect((await dal.classes.teachers(owner, classId))?.teachers.map((t) => t.id)).toEqual([owner.id])

    const events = await audits('class.co_teacher_removed', classId)
    expect(events.map((e) => [e.actorId, JSON.parse(e.detail)])).toEqual([
      [owner.id, { userId: removed.id, email: removed.email, left: false }],
      [stays.id, { userId: stays.id, email: stays.email, left: true }],
    ])
    // a removed teacher may now join the class as a learner; a co-teacher may not
    await dal.classes.addCoTeacher(owner, classId, stays.email)
    await expect(dal.classes.join(stays, inviteCode)).rejects.toMatchObject({ reason: 'own' })
    expect(await dal.classes.join(removed, inviteCode)).toMatchObject({ classId, alreadyMember: false })
  })

  it('lets an admin remove a co-teacher, and a co-teacher who loses the teacher role loses the class', async () => {
    const { owner, classId } = await classWithLearner()
    const admin = await account('admin')
    const first = await account('teacher')
    const second = await account('teacher')
    await dal.classes.addCoTeacher(owner, classId, first.email)
    await dal.classes.addCoTeacher(owner, classId, second.email)
    expect(await dal.classes.removeCoTeacher(admin, classId, first.id)).toBe(true)
    expect(await dal.classes.detail(first, classId)).toBeNull()
    await accountOperations(database.db).changeRole(cliActor, { id: second.id }, 'learner')
    await expect(dal.classes.detail({ id: second.id, role: 'learner' }, classId)).rejects.toMatchObject({ status: 403 })
  })

  it('keeps a class another teacher co-teaches when its owner’s account is removed: the co-teacher added first owns it', async () => {
    const { owner, learner, classId } = await classWithLearner()
    const first = await account('teacher')
    const second = await account('teacher')
    await dal.classes.addCoTeacher(owner, classId, first.email)
    await dal.classes.addCoTeacher(owner, classId, second.email)
    const alone = await dal.classes.create(owner, { name: 'Taught alone', courseId: 'kubernetes-basics' })

    expect(await accountOperations(database.db).remove(cliActor, [owner.email], 'demo.removed')).toEqual({
      removed: [owner.email],
      classes: 1,
      handedOver: 1,
    })
    expect(await database.db.classroom.findUnique({ where: { id: alone.id } })).toBeNull()
    const kept = await dal.classes.teachers(first, classId)
    expect(kept?.teachers.map((t) => [t.id, t.owner])).toEqual([
      [first.id, true],
      [second.id, false],
    ])
    expect(kept?.viewerManages).toBe(true)
    expect((await dal.classes.detail(second, classId))?.learners.map((l) => l.id)).toEqual([learner.id])
  })
})
