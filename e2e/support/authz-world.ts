/**
 * The cast and fixtures of the authorization table, made through the DAL on the e2e database the server uses:
 * seven actors, class A (its teacher, a learner in it), class B (another teacher, another learner), and fresh
 * targets for each probe so no cell depends on another.
 */
import { createDb, type Db } from '../../lib/server/db/client.ts'
import { createDal } from '../../lib/server/dal/index.ts'
import { accountOperations } from '../../lib/server/dal/accounts.ts'
import { cliActor } from '../../lib/server/dal/audit.ts'
import { invitationOperations } from '../../lib/server/dal/invitations.ts'
import { passwordResetOperations } from '../../lib/server/dal/password-resets.ts'
import { newLessonTexts } from '../../lib/content/scaffold.ts'
import type { Account, World } from '../../lib/server/authz/table.ts'
import { e2eDatabaseUrl } from '../config.ts'

const roleOf: Record<Account, 'learner' | 'teacher' | 'author' | 'admin'> = {
  learner: 'learner',
  otherLearner: 'learner',
  teacher: 'teacher',
  otherTeacher: 'teacher',
  author: 'author',
  admin: 'admin',
}

export async function buildWorld(tag: string): Promise<{ world: World; db: Db; classB: string }> {
  const db = createDb(e2eDatabaseUrl)
  const dal = createDal(db)
  const accounts = accountOperations(db)
  const password = 'authz-password-1'
  let n = 0
  const email = (what: string) => `authz-${tag}-${what.toLowerCase()}-${++n}@example.test`
  const users = {} as World['users']
  for (const actor of Object.keys(roleOf) as Account[]) {
    const made = await accounts.create(cliActor, { email: email(actor), role: roleOf[actor], name: `Authz ${actor}`, password })
    users[actor] = { id: made.id, email: made.email, role: roleOf[actor] }
  }
  const viewer = (actor: Account) => ({ id: users[actor].id, role: users[actor].role })
  const classA = await dal.classes.create(viewer('teacher'), { name: `Authz class A ${tag}`, courseId: 'kubernetes-basics' })
  await dal.classes.join(viewer('learner'), classA.inviteCode)
  const classB = await dal.classes.create(viewer('otherTeacher'), { name: `Authz class B ${tag}`, courseId: 'kubernetes-basics' })
  await dal.classes.join(viewer('otherLearner'), classB.inviteCode)
  const { submissionId: submissionA } = await dal.progress.recordSubmission(viewer('learner'), {
    courseId: 'kubernetes-basics',
    lessonId: 'pod',
    exerciseId: 'pod-first-manifest',
    kind: 'manifest',
    source: 'apiVersion: v1\nkind: Pod\n',
    result: { exercise: 'pod-first-manifest', passed: false, score: 0, checks: [], validation: { valid: true, errors: [] }, durationMs: 1 },
  })

  const newStudioLesson = async (options: { unlisted?: boolean; published?: boolean } = {}) => {
    const courseId = options.unlisted || options.published ? 'authz-unlisted' : 'kubernetes-basics'
    const lessonId = `authz-${tag}-studio-${++n}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    await dal.studioLessons.create(viewer('author'), { courseId, lessonId, afterLessonId: null, texts: newLessonTexts(lessonId) })
    if (options.published) await dal.studioLessons.publish(viewer('author'), courseId, lessonId, 1, null)
    return { courseId, lessonId }
  }
  const admin = { kind: 'user' as const, id: users.admin.id, email: users.admin.email }
  const world: World = {
    password,
    users,
    classA: classA.id,
    submissionA,
    setup: {
      newAccount: async (role) => {
        const made = await accounts.create(cliActor, { email: email(`target-${role}`), role, password })
        return { id: made.id, email: made.email }
      },
      account: async (id) => {
        const row = await db.user.findUnique({ where: { id }, select: { role: true, disabledAt: true } })
        return row && { role: row.role, disabled: row.disabledAt !== null }
      },
      accountByEmail: async (address) => db.user.findUnique({ where: { email: address }, select: { id: true, role: true } }),
      setRole: async (id, role) => {
        await db.user.update({ where: { id }, data: { role } })
      },
      signsIn: async (address, pw) => (await dal.users.authenticate(address, pw)) !== null,
      newClass: async (teacher, learner) => {
        const c = await dal.classes.create(viewer(teacher), { name: `Authz target ${tag} ${++n}`, courseId: 'kubernetes-basics' })
        if (learner) await dal.classes.join(viewer(learner), c.inviteCode)
        return { id: c.id, inviteCode: c.inviteCode, name: c.name }
      },
      classRow: (id) => db.classroom.findUnique({ where: { id }, select: { name: true, inviteCode: true, archived: true } }),
      classNamed: async (name) => (await db.classroom.count({ where: { name } })) > 0,
      enrolled: async (classId, userId) => (await db.enrolment.count({ where: { classroomId: classId, userId } })) > 0,
      newInvitation: async (role) => {
        const made = await invitationOperations(db).create(admin, { role, days: 1, note: `authz ${tag}` })
        return { id: made.id, token: made.token }
      },
      invitation: (id) => db.roleInvitation.findUnique({ where: { id }, select: { usedById: true, revokedAt: true } }),
      invitationNoted: async (note) => (await db.roleInvitation.count({ where: { note } })) > 0,
      newPasswordReset: async (userId) => ({ token: (await passwordResetOperations(db).create(admin, userId)).token }),
      passwordResets: (userId) => db.passwordReset.count({ where: { userId } }),
      audited: async (action, targetId) => (await db.auditEvent.count({ where: { action, targetId } })) > 0,
      newStudioLesson,
      studioLesson: (courseId, lessonId) =>
        db.studioLesson.findUnique({
          where: { courseId_lessonId: { courseId, lessonId } },
          select: { draftVersion: true, publishedNumber: true, afterLessonId: true },
        }),
      studioCourse: async (courseId) => (await db.studioCourse.count({ where: { id: courseId } })) > 0,
      // issue 17 — feedback to learners
      newComment: async () =>
        (await dal.comments.commentOnSubmission(viewer('teacher'), {
          classId: classA.id,
          submissionId: submissionA,
          body: `authz ${tag} comment ${++n}`,
        }))!.id,
      comments: (where) => db.teacherComment.count({ where }),
      addCoTeacher: async (classId, userId) => {
        await db.coTeacher.create({ data: { classroomId: classId, userId, addedById: users.teacher.id } })
      },
      coTeaches: async (classId, userId) => (await db.coTeacher.count({ where: { classroomId: classId, userId } })) > 0,
      // issue 17 — deadlines
      deadline: async (classId, lessonId) =>
        (
          await db.lessonDeadline.findUnique({
            where: { classroomId_lessonId: { classroomId: classId, lessonId } },
            select: { dueAt: true },
          })
        )?.dueAt ?? null,
    },
    studioLessonA: (await newStudioLesson()).lessonId,
  }
  return { world, db, classB: classB.id }
}
