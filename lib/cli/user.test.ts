import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { runCli } from './main.ts'
import { createDal } from '../server/dal/index.ts'
import { testDatabases, useTestDatabase } from '../testing/db.ts'
import { allDemoEmails, demoPassword, seedDemo } from '../../prisma/seed.ts'

describe.each(testDatabases())('kubelab user and demo on %s', (_name, create) => {
  const { database } = useTestDatabase(create)

  /** Runs the command line against the test database, with what standard input would give. */
  async function kubelab(args: string[], stdin?: string, extraEnv: Record<string, string> = {}) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { DATABASE_URL: database.url, ...extraEnv },
      readStdin: stdin === undefined ? undefined : async () => stdin,
    })
    return { code, stdout, stderr }
  }
  const audit = () => database.db.auditEvent.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })

  it('creates the first admin with a generated password, printed once, that signs in', async () => {
    const made = await kubelab(['user', 'add', 'Principal@School.example', '--role', 'admin', '--name', 'Principal Park', '--json'])
    expect(made.code).toBe(0)
    const out = JSON.parse(made.stdout)
    expect(out).toMatchObject({
      ok: true,
      user: { email: 'principal@school.example', role: 'admin', name: 'Principal Park', disabled: false },
    })
    expect(out.password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/)
    const dal = createDal(database.db)
    expect(await dal.users.authenticate('principal@school.example', out.password)).toMatchObject({ role: 'admin' })
    expect(await audit()).toEqual([
      expect.objectContaining({ action: 'user.created', actorId: null, actorLabel: 'cli', targetLabel: 'principal@school.example' }),
    ])

    const text = await kubelab(['user', 'add', 'second@school.example', '--role', 'teacher'])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^Created teacher second@school\.example\.\nPassword \(shown once, keep it somewhere safe\): \S{23}\n/)
  })

  it('takes the password from standard input, and refuses a short one, a taken email and a bad email with exit 1', async () => {
    expect((await kubelab(['user', 'add', 'stdin@school.example', '--role', 'author', '--password-stdin'], 'chosen by me 123')).code).toBe(
      0,
    )
    expect(await createDal(database.db).users.authenticate('stdin@school.example', 'chosen by me 123')).toMatchObject({ role: 'author' })
    expect(await kubelab(['user', 'add', 'short@school.example', '--role', 'author', '--password-stdin', '--json'], 'short')).toMatchObject(
      { code: 1, stdout: expect.stringContaining('"error":"invalid"') },
    )
    expect(await kubelab(['user', 'add', 'stdin@school.example', '--role', 'learner'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    })
    expect(await kubelab(['user', 'add', 'not-an-email', '--role', 'learner'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('invalid email'),
    })
    expect(await database.db.user.count({ where: { email: { in: ['short@school.example', 'not-an-email'] } } })).toBe(0)
  })

  it('changes a role, lists by role, disables and enables, each audited as "cli"', async () => {
    await kubelab(['user', 'add', 'kim@school.example', '--role', 'learner', '--name', 'Kim Jiwoo'])
    expect(await kubelab(['user', 'role', 'KIM@school.example', 'teacher'])).toMatchObject({
      code: 0,
      stdout: 'kim@school.example is now teacher.\n',
    })
    expect(await kubelab(['user', 'role', 'kim@school.example', 'teacher'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('already teacher; nothing changed'),
    })
    const teachers = JSON.parse((await kubelab(['user', 'list', '--role', 'teacher', '--json'])).stdout)
    expect(teachers.users.map((u: { email: string }) => u.email)).toEqual(['kim@school.example', 'second@school.example'])

    expect(await kubelab(['user', 'disable', 'kim@school.example'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Disabled kim@school.example'),
    })
    const listed = await kubelab(['user', 'list'])
    expect(listed.stdout.split('\n')[0]).toMatch(/^EMAIL\s+ROLE\s+STATE\s+NAME\s+CREATED$/)
    expect(listed.stdout).toMatch(/kim@school\.example\s+teacher\s+disabled\s+Kim Jiwoo\s+\d{4}-\d{2}-\d{2}/)
    expect(await createDal(database.db).users.authenticate('kim@school.example', 'anything')).toBeNull()
    expect(await kubelab(['user', 'enable', 'kim@school.example', '--json'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('"disabled":false'),
    })

    const kim = (await audit()).filter((e) => e.targetLabel === 'kim@school.example')
    expect(kim.map((e) => [e.action, e.actorLabel, e.detail])).toEqual([
      ['user.created', 'cli', '{"role":"learner"}'],
      ['user.role_changed', 'cli', '{"from":"learner","to":"teacher"}'],
      ['user.disabled', 'cli', '{}'],
      ['user.enabled', 'cli', '{}'],
    ])
  })

  it('refuses to take away the last admin, and names a missing account, with exit 1', async () => {
    expect(await kubelab(['user', 'role', 'principal@school.example', 'learner'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('last active admin'),
    })
    expect(await kubelab(['user', 'disable', 'principal@school.example', '--json'])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"error":"last_admin"'),
    })
    expect(await kubelab(['user', 'role', 'nobody@school.example', 'teacher'])).toMatchObject({
      code: 1,
      stderr: 'kubelab user: no account with the email nobody@school.example\n',
    })
    expect((await database.db.user.findUniqueOrThrow({ where: { email: 'principal@school.example' } })).role).toBe('admin')
  })

  it.each([
    [['user'], 'a command is required'],
    [['user', 'promote', 'a@b.example'], 'unknown command "user promote"'],
    [['user', 'add', 'a@b.example'], '--role is required'],
    [['user', 'add', 'a@b.example', '--role', 'owner'], 'unknown role "owner"'],
    [['user', 'role', 'a@b.example'], 'takes an EMAIL and a ROLE'],
    [['user', 'list', '--force'], 'unknown option --force'],
    [['user', 'disable'], 'takes an EMAIL'],
    [['demo'], 'a command is required'],
    [['demo', 'delete'], 'unknown command "demo delete"'],
  ])('answers %j with usage and exit 2', async (args, message) => {
    const r = await kubelab(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })

  it('answers an unreachable or invalid database with exit 2 and a readable line', async () => {
    const bad = await kubelab(['user', 'list'], undefined, { DATABASE_URL: 'mysql://nope' })
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('DATABASE_URL') })
    const unreachable = await kubelab(['user', 'list'], undefined, { DATABASE_URL: 'postgresql://kubelab:secret@127.0.0.1:1/none' })
    expect(unreachable.code).toBe(2)
    expect(unreachable.stderr).toContain('cannot open the database (postgresql://kubelab:***@127.0.0.1:1/none)')
    expect(unreachable.stderr).not.toContain('secret')
  })

  it('removes the demo accounts with their class and data, once, and says when the start would bring them back', async () => {
    const db = database.db
    // everything the seed adds, the living Demo class's learners and their history included
    const before = {
      users: await db.user.count(),
      submissions: await db.submission.count(),
      quizAttempts: await db.quizAttempt.count(),
      progress: await db.lessonProgress.count(),
    }
    await seedDemo(createDal(db), db)
    const demoTeacher = await db.user.findUniqueOrThrow({ where: { email: 'teacher@kubelab.dev' } })
    expect(await db.classroom.count({ where: { teacherId: demoTeacher.id } })).toBe(1)
    expect(await db.user.count({ where: { email: { in: allDemoEmails } } })).toBe(allDemoEmails.length)
    expect(await db.submission.count()).toBeGreaterThan(before.submissions)
    const removed = await kubelab(['demo', 'remove', '--json'], undefined, { SEED_DEMO: '1' })
    expect(removed.code).toBe(0)
    expect(JSON.parse(removed.stdout)).toEqual({
      ok: true,
      removed: [...allDemoEmails].sort(),
      classes: 1,
      handedOver: 0,
      seededAgainAtStart: true,
    })
    expect(await db.user.count({ where: { email: { in: allDemoEmails } } })).toBe(0)
    expect(await db.classroom.count({ where: { teacherId: demoTeacher.id } })).toBe(0)
    expect({
      users: await db.user.count(),
      submissions: await db.submission.count(),
      quizAttempts: await db.quizAttempt.count(),
      progress: await db.lessonProgress.count(),
    }).toEqual(before)
    expect([await db.enrolment.count(), await db.lessonDeadline.count(), await db.teacherComment.count()]).toEqual([0, 0, 0])
    expect(await createDal(database.db).users.authenticate('learner@kubelab.dev', demoPassword)).toBeNull()
    expect((await audit()).filter((e) => e.action === 'demo.removed')).toHaveLength(1)
    expect(await kubelab(['demo', 'remove'], undefined, { SEED_DEMO: '0' })).toMatchObject({
      code: 0,
      stdout: 'No demo accounts here; nothing removed.\n',
    })
    expect((await audit()).filter((e) => e.action === 'demo.removed')).toHaveLength(1)
  })
})

describe('kubelab user through bin/kubelab.ts', () => {
  const { database } = useTestDatabase()

  it('reads the password from a pipe, creates the account and exits 0', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'bin/kubelab.ts', 'user', 'add', 'piped@school.example', '--role', 'admin', '--password-stdin', '--json'],
      {
        cwd: new URL('../../', import.meta.url),
        encoding: 'utf8',
        input: 'typed into a pipe\nsecond line is ignored\n',
        env: { ...process.env, DATABASE_URL: database.url },
      },
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, user: { email: 'piped@school.example', role: 'admin' } })
    expect(JSON.parse(r.stdout).password).toBeUndefined()
  })
})
