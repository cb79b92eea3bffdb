import { beforeAll, describe, expect, it } from 'vitest'
import { accountOperations, type AccountOperations } from './accounts.ts'
import { cliActor } from './audit.ts'
import { hashToken } from './tokens.ts'
import { testDatabases, useTestDatabase } from '../../testing/db.ts'

let n = 0
const email = (what: string) => `${what}-${Date.now()}-${++n}@example.org`

describe.each(testDatabases())('role invitations and password resets on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  let ops: AccountOperations
  let admin: { id: string; role: 'admin' }
  const account = async (role: 'learner' | 'teacher' | 'author' | 'admin') => {
    const a = await ops.create(cliActor, { email: email(role), role, password: 'password-123' })
    return { id: a.id, role, email: a.email }
  }

  beforeAll(async () => {
    ops = accountOperations(database.db)
    admin = { id: (await account('admin')).id, role: 'admin' }
  })

  it('gives the invitation role to whoever accepts it first, once, and stores only a hash of the token', async () => {
    const made = await dal.admin.createInvitation(admin, { role: 'teacher', days: 3, note: ' Ms Kim ' })
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(made.expiresAt.getTime() - Date.now()).toBeGreaterThan(3 * 24 * 3600e3 - 60e3)
    const row = await database.db.roleInvitation.findUniqueOrThrow({ where: { id: made.id } })
    expect(row).toMatchObject({ tokenHash: hashToken(made.token), role: 'teacher', note: 'Ms Kim', createdById: admin.id })
    expect(JSON.stringify(row)).not.toContain(made.token)
    expect(await dal.invitations.describe(made.token)).toMatchObject({ status: 'valid', role: 'teacher' })

    const first = await account('learner')
    const second = await account('learner')
    await expect(dal.invitations.accept(null, made.token)).rejects.toMatchObject({ status: 401 })
    expect(await dal.invitations.accept(first, made.token)).toEqual({ status: 'accepted', role: 'teacher', from: 'learner' })
    expect(await dal.invitations.accept(second, made.token)).toEqual({ status: 'invalid' })
    expect(await dal.invitations.describe(made.token)).toEqual({ status: 'invalid' })
    expect((await dal.users.sessionRecord(first.id))?.role).toBe('teacher')
    expect((await dal.users.sessionRecord(second.id))?.role).toBe('learner')

    const events = await database.db.auditEvent.findMany({
      where: { OR: [{ targetId: made.id }, { targetId: first.id }] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })
    expect(events.map((e) => [e.action, e.actorLabel, e.detail])).toEqual([
      ['invitation.created', expect.stringContaining('admin-'), '{"role":"teacher","days":3}'],
      ['user.created', 'cli', '{"role":"learner"}'],
      ['invitation.accepted', first.email, `{"from":"learner","to":"teacher","invitation":"${made.id}"}`],
    ])
    const listed = await dal.admin.invitations(admin, 1)
    expect(listed.items.find((i) => i.id === made.id)).toMatchObject({ status: 'used', usedBy: first.email, note: 'Ms Kim' })
  })

  it('is used by exactly one of two people accepting at the same moment', async () => {
    const made = await dal.admin.createInvitation(admin, { role: 'author' })
    const [a, b] = [await account('learner'), await account('teacher')]
    const outcomes = await Promise.all([dal.invitations.accept(a, made.token), dal.invitations.accept(b, made.token)])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['accepted', 'invalid'])
    const authors = await database.db.user.count({ where: { id: { in: [a.id, b.id] }, role: 'author' } })
    expect(authors).toBe(1)
  })

  it('stays unused for someone who has the role already, and for an admin who would lose admin', async () => {
    const made = await dal.admin.createInvitation(admin, { role: 'author' })
    const author = await account('author')
    expect(await dal.invitations.accept(author, made.token)).toEqual({ status: 'already', role: 'author' })
    const otherAdmin = await account('admin')
    expect(await dal.invitations.accept(otherAdmin, made.token)).toEqual({ status: 'admin', role: 'author' })
    expect((await dal.users.sessionRecord(otherAdmin.id))?.role).toBe('admin')
    expect(await dal.invitations.describe(made.token)).toMatchObject({ status: 'valid' })
  })

  it('refuses expired, revoked, unknown and malformed links alike', async () => {
    const learner = await account('learner')
    const expired = await dal.admin.createInvitation(admin, { role: 'teacher' })
    await database.db.roleInvitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const revoked = await dal.admin.createInvitation(admin, { role: 'admin' })
    expect(await dal.admin.revokeInvitation(admin, revoked.id)).toBe(true)
    expect(await dal.admin.revokeInvitation(admin, revoked.id)).toBe(false)
    for (const token of [expired.token, revoked.token, 'A'.repeat(43), 'short', '../../etc/passwd', '']) {
      expect(await dal.invitations.describe(token)).toEqual({ status: 'invalid' })
      expect(await dal.invitations.accept(learner, token)).toEqual({ status: 'invalid' })
    }
    expect((await dal.users.sessionRecord(learner.id))?.role).toBe('learner')
    const listed = (await dal.admin.invitations(admin, 1)).items
    expect(listed.find((i) => i.id === expired.id)?.status).toBe('expired')
    expect(listed.find((i) => i.id === revoked.id)?.status).toBe('revoked')
  })

  it('checks what an invitation asks for: a role other than learner, 1 to 30 days, only admins make them', async () => {
    await expect(dal.admin.createInvitation(admin, { role: 'learner' as never })).rejects.toThrow()
    await expect(dal.admin.createInvitation(admin, { role: 'teacher', days: 0 })).rejects.toThrow()
    await expect(dal.admin.createInvitation(admin, { role: 'teacher', days: 31 })).rejects.toThrow()
    await expect(dal.admin.createInvitation(admin, { role: 'teacher', note: 'x'.repeat(81) })).rejects.toThrow()
    const teacher = await account('teacher')
    await expect(dal.admin.createInvitation(teacher, { role: 'admin' })).rejects.toMatchObject({ status: 403 })
    await expect(dal.admin.revokeInvitation(teacher, 'anything')).rejects.toMatchObject({ status: 403 })
  })

  it('resets a password with a one-time link: the new password works, the old does not, sessions end', async () => {
    const learner = await account('learner')
    const older = await dal.admin.createPasswordReset(admin, learner.id)
    const reset = await dal.admin.createPasswordReset(admin, learner.id)
    expect(reset.email).toBe(learner.email)
    expect(await dal.passwordResets.describe(older.token)).toEqual({ status: 'invalid' }) // a newer link replaced it
    expect(await dal.passwordResets.describe(reset.token)).toMatchObject({ status: 'valid', email: learner.email })
    const stored = await database.db.passwordReset.findMany({ where: { userId: learner.id } })
    expect(stored.map((r) => r.tokenHash)).toEqual([hashToken(reset.token)])

    expect(await dal.passwordResets.complete(reset.token, 'short')).toEqual({ status: 'weak' })
    expect(await dal.passwordResets.complete(reset.token, 'a brand new password')).toEqual({ status: 'done', email: learner.email })
    expect(await dal.passwordResets.complete(reset.token, 'another new password')).toEqual({ status: 'invalid' })
    expect(await dal.users.authenticate(learner.email, 'a brand new password')).toMatchObject({ id: learner.id, sessionVersion: 1 })
    expect(await dal.users.authenticate(learner.email, 'password-123')).toBeNull()
    const actions = (
      await database.db.auditEvent.findMany({ where: { targetId: learner.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    ).map((e) => [e.action, e.actorLabel])
    expect(actions).toEqual([
      ['user.created', 'cli'],
      ['password_reset.created', expect.stringContaining('admin-')],
      ['password_reset.created', expect.stringContaining('admin-')],
      ['password_reset.completed', learner.email],
    ])
  })

  it('refuses an expired or made-up reset link, and a reset made by anyone but an admin', async () => {
    const learner = await account('learner')
    const reset = await dal.admin.createPasswordReset(admin, learner.id)
    await database.db.passwordReset.updateMany({ where: { userId: learner.id }, data: { expiresAt: new Date(Date.now() - 1) } })
    expect(await dal.passwordResets.describe(reset.token)).toEqual({ status: 'invalid' })
    expect(await dal.passwordResets.complete(reset.token, 'a brand new password')).toEqual({ status: 'invalid' })
    expect(await dal.passwordResets.complete('B'.repeat(43), 'a brand new password')).toEqual({ status: 'invalid' })
    expect(await dal.users.authenticate(learner.email, 'password-123')).not.toBeNull()
    await expect(dal.admin.createPasswordReset(learner, admin.id)).rejects.toMatchObject({ status: 403 })
    await expect(dal.admin.createPasswordReset(admin, 'no-such-account')).rejects.toThrow('No such account')
  })
})
