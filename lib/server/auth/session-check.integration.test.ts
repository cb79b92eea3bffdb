import { describe, expect, it } from 'vitest'
import { checkSession, type SessionToken } from './session-check.ts'
import { accountOperations } from '../dal/accounts.ts'
import { cliActor } from '../dal/audit.ts'
import { testDatabases, useTestDatabase } from '../../testing/db.ts'

/**
 * The session check as Auth.js runs it: at sign-in with the authenticated user, then on every request with the
 * token alone. Each request here is a fresh copy of the token, as each request decodes the cookie afresh.
 */
describe.each(testDatabases())('a session checked against the database on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const lookUp = (id: string) => dal.users.sessionRecord(id)
  const request = (token: SessionToken) => checkSession({ ...token }, undefined, lookUp)

  async function signIn(email: string, password = 'password-123'): Promise<SessionToken> {
    const user = await dal.users.authenticate(email, password)
    if (!user) throw new Error(`cannot sign in as ${email}`)
    const token = await checkSession(
      { sub: user.id, name: user.name, email: user.email },
      { id: user.id, sessionVersion: user.sessionVersion },
      lookUp,
    )
    return token!
  }

  it('carries the role the database has now: a demoted teacher is a learner on the next request', async () => {
    const ops = accountOperations(database.db)
    const teacher = await ops.create(cliActor, { email: 'teacher@example.org', role: 'teacher', name: 'Ms Kim', password: 'password-123' })
    const token = await signIn('teacher@example.org')
    expect(token).toMatchObject({ uid: teacher.id, sv: 0, role: 'teacher', email: 'teacher@example.org', name: 'Ms Kim' })
    expect(await request(token)).toMatchObject({ role: 'teacher' })
    await ops.changeRole(cliActor, { id: teacher.id }, 'learner')
    expect(await request(token)).toMatchObject({ uid: teacher.id, role: 'learner' })
    await database.db.user.update({ where: { id: teacher.id }, data: { name: 'Kim Jiwoo' } })
    expect(await request(token)).toMatchObject({ name: 'Kim Jiwoo' })
  })

  it('reads a disabled account as signed out, and its old session stays ended after it is enabled again', async () => {
    const ops = accountOperations(database.db)
    const user = await ops.create(cliActor, { email: 'disabled@example.org', role: 'author', password: 'password-123' })
    const token = await signIn('disabled@example.org')
    await ops.setDisabled(cliActor, { id: user.id }, true)
    expect(await request(token)).toBeNull()
    await ops.setDisabled(cliActor, { id: user.id }, false)
    expect(await request(token)).toBeNull()
    const fresh = await signIn('disabled@example.org')
    expect(await request(fresh)).toMatchObject({ role: 'author', sv: 1 })
  })

  it('ends every session when the password is reset', async () => {
    const ops = accountOperations(database.db)
    const admin = await ops.create(cliActor, { email: 'admin@example.org', role: 'admin', password: 'password-123' })
    const user = await ops.create(cliActor, { email: 'reset@example.org', role: 'learner', password: 'password-123' })
    const phone = await signIn('reset@example.org')
    const laptop = await signIn('reset@example.org')
    const { token } = await dal.admin.createPasswordReset({ id: admin.id, role: 'admin' }, user.id)
    expect(await request(phone)).not.toBeNull() // making the link ends nothing yet
    await dal.passwordResets.complete(token, 'the new password')
    expect(await request(phone)).toBeNull()
    expect(await request(laptop)).toBeNull()
    expect(await request(await signIn('reset@example.org', 'the new password'))).toMatchObject({ uid: user.id })
  })

  it('reads a deleted account, a token without an id and a forged id as signed out', async () => {
    const ops = accountOperations(database.db)
    const user = await ops.create(cliActor, { email: 'deleted@example.org', role: 'learner', password: 'password-123' })
    const token = await signIn('deleted@example.org')
    await database.db.user.delete({ where: { id: user.id } })
    expect(await request(token)).toBeNull()
    expect(await request({})).toBeNull()
    expect(await request({ uid: 'no-such-account', sv: 0 })).toBeNull()
  })

  it('accepts a token from before session versions (no `sv`) while the account is at version 0', async () => {
    const ops = accountOperations(database.db)
    const user = await ops.create(cliActor, { email: 'old-cookie@example.org', role: 'teacher', password: 'password-123' })
    expect(await request({ uid: user.id, role: 'admin' })).toMatchObject({ role: 'teacher' }) // the token's role is not believed
    await ops.setDisabled(cliActor, { id: user.id }, true)
    await ops.setDisabled(cliActor, { id: user.id }, false)
    expect(await request({ uid: user.id })).toBeNull()
  })

  it('marks the token unverified while the database cannot be asked, keeps the person signed in, and clears the mark when it can', async () => {
    const ops = accountOperations(database.db)
    await ops.create(cliActor, { email: 'outage@example.org', role: 'teacher', password: 'password-123' })
    const token = await signIn('outage@example.org')
    const duringOutage = await checkSession({ ...token }, undefined, () => Promise.reject(new Error('connect ECONNREFUSED')))
    expect(duringOutage).toMatchObject({ uid: token.uid, role: 'teacher', unverified: true })
    const after = await request(duringOutage!)
    expect(after).toMatchObject({ uid: token.uid, role: 'teacher' })
    expect(after).not.toHaveProperty('unverified')
  })
})
