import { beforeAll, describe, expect, it } from 'vitest'
import { createDal } from './index.ts'
import { accountOperations, AccountRuleError, type AccountOperations } from './accounts.ts'
import { cliActor } from './audit.ts'
import { testDatabases, useTestDatabase } from '../../testing/db.ts'

let n = 0
const email = (what: string) => `${what}-${Date.now()}-${++n}@example.org`

describe.each(testDatabases())('administration on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  let ops: AccountOperations
  const newAccount = (role: 'learner' | 'teacher' | 'author' | 'admin', name?: string) =>
    ops.create(cliActor, { email: email(role), role, name, password: 'password-123' })
  const auditOf = (targetId: string) =>
    database.db.auditEvent.findMany({ where: { targetId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })

  beforeAll(() => {
    ops = accountOperations(database.db)
  })

  it('creates an account with a role from the command line, audited as "cli", and refuses the same email twice', async () => {
    const address = email('First.Admin').toUpperCase()
    const admin = await ops.create(cliActor, { email: ` ${address} `, role: 'admin', name: 'First Admin', password: 'a-long-password' })
    expect(admin).toMatchObject({ email: address.toLowerCase(), role: 'admin', name: 'First Admin', disabledAt: null })
    expect(await dal.users.authenticate(address, 'a-long-password')).toMatchObject({ id: admin.id, role: 'admin' })
    expect(await auditOf(admin.id)).toEqual([
      expect.objectContaining({
        actorId: null,
        actorLabel: 'cli',
        action: 'user.created',
        targetLabel: admin.email,
        detail: '{"role":"admin"}',
      }),
    ])
    await expect(ops.create(cliActor, { email: address, role: 'learner', password: 'another-password' })).rejects.toMatchObject({
      code: 'email_taken',
    })
    await expect(ops.create(cliActor, { email: email('short'), role: 'learner', password: 'short' })).rejects.toThrow()
  })

  it('changes a role once, logs who changed it from what to what, and reads an unchanged role as no change', async () => {
    const admin = await newAccount('admin')
    const user = await newAccount('learner')
    const viewer = { id: admin.id, role: 'admin' as const }
    expect(await dal.admin.changeRole(viewer, user.id, 'teacher')).toMatchObject({ changed: true, account: { role: 'teacher' } })
    expect(await dal.admin.changeRole(viewer, user.id, 'teacher')).toMatchObject({ changed: false })
    const events = await auditOf(user.id)
    expect(events.map((e) => [e.action, e.actorId, e.actorLabel, e.detail])).toEqual([
      ['user.created', null, 'cli', '{"role":"learner"}'],
      ['user.role_changed', admin.id, admin.email, '{"from":"learner","to":"teacher"}'],
    ])
    await expect(dal.admin.changeRole(viewer, 'no-such-id', 'teacher')).rejects.toBeInstanceOf(AccountRuleError)
    await expect(dal.admin.changeRole(viewer, user.id, 'owner' as never)).rejects.toThrow()
  })

  it('never leaves the school without an active admin: the last one cannot demote or disable themselves', async () => {
    const fresh = await create()
    try {
      const freshDal = createDal(fresh.db)
      const freshOps = accountOperations(fresh.db)
      const only = await freshOps.create(cliActor, { email: 'only@example.org', role: 'admin', password: 'password-123' })
      const me = { id: only.id, role: 'admin' as const }
      await expect(freshDal.admin.changeRole(me, only.id, 'teacher')).rejects.toMatchObject({ code: 'last_admin' })
      await expect(freshDal.admin.setDisabled(me, only.id, true)).rejects.toMatchObject({ code: 'last_admin' })
      await expect(freshOps.remove(cliActor, ['only@example.org'], 'demo.removed')).rejects.toMatchObject({ code: 'last_admin' })
      expect(await fresh.db.user.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({ role: 'admin', disabledAt: null })

      // a disabled admin does not count; with a second active admin the first may step down
      const second = await freshOps.create(cliActor, { email: 'second@example.org', role: 'admin', password: 'password-123' })
      await freshDal.admin.setDisabled(me, second.id, true)
      await expect(freshDal.admin.changeRole(me, only.id, 'learner')).rejects.toMatchObject({ code: 'last_admin' })
      await freshDal.admin.setDisabled(me, second.id, false)
      expect(await freshDal.admin.changeRole(me, only.id, 'learner')).toMatchObject({ changed: true })

      // two admins demoting each other at the same moment: one of them stays admin
      const a = await freshOps.create(cliActor, { email: 'a@example.org', role: 'admin', password: 'password-123' })
      const results = await Promise.allSettled([
        freshOps.changeRole(cliActor, { id: a.id }, 'learner'),
        freshOps.changeRole(cliActor, { id: second.id }, 'learner'),
      ])
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
      expect(await fresh.db.user.count({ where: { role: 'admin', disabledAt: null } })).toBe(1)
    } finally {
      await fresh.drop()
    }
  })

  it('disables an account: no sign-in, its sessions end (the version moves on), and enabling does not revive them', async () => {
    const admin = await newAccount('admin')
    const teacher = await newAccount('teacher')
    const viewer = { id: admin.id, role: 'admin' as const }
    const before = await dal.users.sessionRecord(teacher.id)
    expect(before).toMatchObject({ disabled: false, sessionVersion: 0, role: 'teacher' })

    expect(await dal.admin.setDisabled(viewer, teacher.id, true)).toMatchObject({
      changed: true,
      account: { disabledAt: expect.any(Date) },
    })
    expect(await dal.admin.setDisabled(viewer, teacher.id, true)).toMatchObject({ changed: false })
    expect(await dal.users.authenticate(teacher.email, 'password-123')).toBeNull()
    expect(await dal.users.sessionRecord(teacher.id)).toMatchObject({ disabled: true, sessionVersion: 1 })

    expect(await dal.admin.setDisabled(viewer, teacher.id, false)).toMatchObject({ changed: true, account: { disabledAt: null } })
    expect(await dal.users.authenticate(teacher.email, 'password-123')).toMatchObject({ id: teacher.id, sessionVersion: 1 })
    expect(await dal.users.sessionRecord(teacher.id)).toMatchObject({ disabled: false, sessionVersion: 1 })
    expect((await auditOf(teacher.id)).map((e) => e.action)).toEqual(['user.created', 'user.disabled', 'user.enabled'])
  })

  it('lets only an admin, as the database says now, use the admin functions', async () => {
    const admin = await newAccount('admin')
    const learner = await newAccount('learner')
    const target = await newAccount('learner')
    await expect(dal.admin.users(null, {})).rejects.toMatchObject({ status: 401 })
    await expect(dal.admin.users({ id: learner.id, role: 'learner' }, {})).rejects.toMatchObject({ status: 403 })
    // a viewer object that still says "admin" after the account was demoted is refused: the DAL reads the row
    await expect(dal.admin.changeRole({ id: learner.id, role: 'admin' }, target.id, 'admin')).rejects.toMatchObject({ status: 403 })
    const stale = await newAccount('admin')
    await dal.admin.setDisabled({ id: admin.id, role: 'admin' }, stale.id, true)
    await expect(dal.admin.createInvitation({ id: stale.id, role: 'admin' }, { role: 'admin' })).rejects.toMatchObject({ status: 403 })
    await expect(dal.admin.auditLog({ id: 'deleted-account', role: 'admin' }, 1)).rejects.toMatchObject({ status: 401 })
    expect((await database.db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe('learner')
  })

  it('finds accounts by email or name in any case, by role, a page at a time, sorted by email', async () => {
    const admin = await newAccount('admin')
    const viewer = { id: admin.id, role: 'admin' as const }
    const tag = `zq${Date.now()}`
    for (let i = 0; i < 23; i++)
      await ops.create(cliActor, {
        email: `${tag}-${String(i).padStart(2, '0')}@example.org`,
        role: i % 2 ? 'teacher' : 'learner',
        name: i === 7 ? `Kim ${tag.toUpperCase()} Jiwoo` : undefined,
        password: 'password-123',
      })
    const first = await dal.admin.users(viewer, { query: tag })
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2, pageSize: 20 })
    expect(first.items.map((u) => u.email)).toEqual([...first.items.map((u) => u.email)].sort())
    const second = await dal.admin.users(viewer, { query: tag, page: 2 })
    expect(second.items).toHaveLength(3)
    expect(await dal.admin.users(viewer, { query: tag, page: 99 })).toMatchObject({ page: 2 }) // past the end: the last page
    expect((await dal.admin.users(viewer, { query: tag.toUpperCase(), role: 'teacher' })).total).toBe(11)
    const byName = await dal.admin.users(viewer, { query: `kim ${tag}` })
    expect(byName.items.map((u) => u.email)).toEqual([`${tag}-07@example.org`])
    expect((await dal.admin.users(viewer, { query: 'nobody-has-this-zzz' })).total).toBe(0)
  })

  it('audits an archived class with who archived it, once', async () => {
    const teacher = await newAccount('teacher')
    const viewer = { id: teacher.id, role: 'teacher' as const }
    const created = await dal.classes.create(viewer, { name: 'Archive me', courseId: 'kubernetes-basics' })
    const other = await newAccount('teacher')
    expect(await dal.classes.archive({ id: other.id, role: 'teacher' }, created.id)).toBe(false)
    expect(await auditOf(created.id)).toEqual([])
    expect(await dal.classes.archive(viewer, created.id)).toBe(true)
    expect(await dal.classes.archive(viewer, created.id)).toBe(false)
    expect(await auditOf(created.id)).toEqual([
      expect.objectContaining({
        action: 'class.archived',
        actorId: teacher.id,
        actorLabel: teacher.email,
        targetType: 'class',
        targetLabel: 'Archive me',
      }),
    ])
  })

  it('reads the audit log newest first, a page at a time, for admins only', async () => {
    const fresh = await create()
    try {
      const freshDal = createDal(fresh.db)
      const freshOps = accountOperations(fresh.db)
      const admin = await freshOps.create(cliActor, { email: 'admin@example.org', role: 'admin', password: 'password-123' })
      const viewer = { id: admin.id, role: 'admin' as const }
      const user = await freshOps.create(cliActor, { email: 'user@example.org', role: 'learner', password: 'password-123' })
      const roles = ['teacher', 'author'] as const
      for (let i = 0; i < 34; i++) await freshDal.admin.changeRole(viewer, user.id, roles[i % 2]!)
      const page1 = await freshDal.admin.auditLog(viewer, 1)
      expect(page1).toMatchObject({ total: 36, page: 1, pageCount: 2 })
      expect(page1.items[0]).toMatchObject({
        action: 'user.role_changed',
        actor: { id: admin.id, label: 'admin@example.org', cli: false },
        target: { type: 'user', label: 'user@example.org' },
        detail: { from: 'teacher', to: 'author' },
      })
      const page2 = await freshDal.admin.auditLog(viewer, 2)
      expect(page2.items.map((e) => e.action)).toEqual([...Array(4).fill('user.role_changed'), 'user.created', 'user.created'])
      expect(page2.items.at(-1)).toMatchObject({ actor: { label: 'cli', cli: true }, target: { label: 'admin@example.org' } })
      const times = [...page1.items, ...page2.items].map((e) => e.at.getTime())
      expect(times).toEqual([...times].sort((a, b) => b - a))
      await expect(freshDal.admin.auditLog({ id: user.id, role: 'learner' }, 1)).rejects.toMatchObject({ status: 403 })
    } finally {
      await fresh.drop()
    }
  })

  it('removes accounts with everything that is theirs in one audited step', async () => {
    const teacher = await newAccount('teacher')
    const learner = await newAccount('learner')
    const created = await dal.classes.create({ id: teacher.id, role: 'teacher' }, { name: 'Gone', courseId: 'kubernetes-basics' })
    await dal.classes.join({ id: learner.id, role: 'learner' }, created.inviteCode)
    await dal.drafts.save({ id: teacher.id, role: 'teacher' }, 'pod-first-manifest', 'kind: Pod\n')
    expect(await ops.remove(cliActor, [teacher.email, 'not-there@example.org'], 'demo.removed')).toEqual({
      removed: [teacher.email],
      classes: 1,
      handedOver: 0,
    })
    expect(await database.db.user.findUnique({ where: { id: teacher.id } })).toBeNull()
    expect(await database.db.classroom.findUnique({ where: { id: created.id } })).toBeNull()
    expect(await database.db.exerciseDraft.count({ where: { userId: teacher.id } })).toBe(0)
    expect(await database.db.user.findUnique({ where: { id: learner.id } })).not.toBeNull()
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'demo.removed', targetLabel: teacher.email } })
    expect(JSON.parse(event.detail)).toEqual({ accounts: [teacher.email], classes: 1, handedOver: 0 })
    expect(await ops.remove(cliActor, ['not-there@example.org'], 'demo.removed')).toEqual({ removed: [], classes: 0, handedOver: 0 })
  })
})
