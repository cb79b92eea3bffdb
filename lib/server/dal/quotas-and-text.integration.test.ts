/**
 * Storage quotas and text PostgreSQL can store, on both databases: what SQLite accepts, PostgreSQL accepts, because
 * neither is offered a NUL character or a lone surrogate (refused naming the field; JSON columns escape them).
 */
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { createDal } from './index.ts'
import { QuotaExceededError, trimmedSourceChars } from './quotas.ts'
import { UnstorableTextError } from './text.ts'
import { testDatabases, useTestDatabase, createTestAccount } from '../../testing/db.ts'
import type { GradeResult } from '../../grading/result.ts'

const result = (passed = false): GradeResult => ({
  exercise: 'pod-first-manifest',
  passed,
  score: passed ? 1 : 0.5,
  checks: [{ id: 'image', passed, message: 'wrong image', hint: null, line: 3, weight: 1 }],
  validation: { valid: true, errors: [] },
  durationMs: 1,
})
const submission = (source: string, exerciseId = 'pod-first-manifest') => ({
  courseId: 'kubernetes-basics',
  lessonId: 'pod',
  exerciseId,
  kind: 'manifest' as const,
  source,
  result: result(),
})

describe.each(testDatabases())('storage quotas and storable text on %s', (_name, create) => {
  const quota = { submissionsPerHour: 4, submissionsTotal: 6, sourcesPerExercise: 2 }
  const { database, dal } = useTestDatabase(create, { quota })
  let n = 0
  const learner = (role: 'learner' | 'teacher' = 'learner') => createTestAccount(database.db, role)

  it('refuses a NUL character or a lone surrogate in any stored text, naming the field, and stores nothing', async () => {
    const viewer = await learner()
    for (const bad of ['kind: Pod\u0000', 'kind: Pod\ud800']) {
      await expect(dal.progress.recordSubmission(viewer, submission(bad))).rejects.toMatchObject({ name: 'Error', field: 'source' })
      await expect(dal.drafts.save(viewer, 'pod-first-manifest', bad)).rejects.toBeInstanceOf(UnstorableTextError)
      await expect(dal.users.signUp({ email: `nul-${n++}@example.com`, password: 'password-1', name: `a${bad}` })).rejects.toMatchObject({
        field: 'name',
      })
      await expect(dal.users.upsertWithRole(`nul-${n++}@example.com`, 'password-1', 'teacher', bad)).rejects.toMatchObject({
        field: 'name',
      })
      const imported = dal.imports.importVisitorWork(viewer, {
        submissions: [],
        quizzes: [],
        drafts: [{ exerciseId: 'pod-first-manifest', source: bad }],
        lessons: [],
      })
      await expect(imported).rejects.toMatchObject({ field: 'drafts.pod-first-manifest.source' })
    }
    expect(await database.db.submission.count({ where: { userId: viewer.id } })).toBe(0)
    expect(await dal.drafts.load(viewer, 'pod-first-manifest')).toBeNull()
    // an emoji is a well-formed pair: stored as it was sent
    await dal.drafts.save(viewer, 'pod-first-manifest', 'kind: Pod # 😀 한글')
    expect(await dal.drafts.load(viewer, 'pod-first-manifest')).toBe('kind: Pod # 😀 한글')
  })

  it('stores quiz answers with NUL or lone surrogates escaped as JSON, and gives them back unchanged', async () => {
    const viewer = await learner()
    const answers = { 'short-one': 'a\u0000b', 'short-two': 'c\ud800d' }
    await dal.quizzes.recordAttempt(viewer, {
      courseId: 'kubernetes-basics',
      lessonId: 'pod',
      answers,
      result: { quiz: 'pod-basics', score: 0, correct: 0, total: 2, questions: [] } as never,
    })
    const row = await database.db.quizAttempt.findFirstOrThrow({ where: { userId: viewer.id } })
    expect(JSON.parse(row.answers)).toEqual(answers)
  })

  it('looks nothing up by text PostgreSQL cannot hold, and does not fail', async () => {
    const teacher = await learner('teacher')
    expect(await dal.classes.detail(teacher, 'class\u0000')).toBeNull()
    expect(await dal.classes.learnerSubmissions(teacher, 'class\u0000', 'user')).toBeNull()
    expect(await dal.classes.removeLearner(teacher, 'x\ud800', 'y')).toBe(false)
    await expect(dal.classes.create(teacher, { name: 'a\u0000', courseId: 'kubernetes-basics' })).rejects.toBeInstanceOf(ZodError)
    expect(await dal.users.authenticate('a\u0000@example.com', 'password-1')).toBeNull()
  })

  it('refuses submissions past the hourly quota with the wait, then past the total', async () => {
    const viewer = await learner()
    for (let i = 0; i < quota.submissionsPerHour; i++) await dal.progress.recordSubmission(viewer, submission(`kind: Pod # ${i}`))
    const hourly = await dal.progress.recordSubmission(viewer, submission('kind: Pod # more')).catch((e: unknown) => e)
    expect(hourly).toBeInstanceOf(QuotaExceededError)
    expect(hourly).toMatchObject({ quota: 'submissionsPerHour', max: 4 })
    expect((hourly as QuotaExceededError).retryAfter).toBeGreaterThan(3500)
    expect(await dal.progress.submissionQuota(viewer)).toMatchObject({ quota: 'submissionsPerHour' })
    // an hour later there is room again, up to the total
    await database.db.submission.updateMany({ where: { userId: viewer.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } })
    expect(await dal.progress.submissionQuota(viewer)).toBeNull()
    await dal.progress.recordSubmission(viewer, submission('kind: Pod # 5'))
    await dal.progress.recordSubmission(viewer, submission('kind: Pod # 6'))
    await expect(dal.progress.recordSubmission(viewer, submission('kind: Pod # 7'))).rejects.toMatchObject({
      quota: 'submissionsTotal',
      retryAfter: null,
    })
    expect(await database.db.submission.count({ where: { userId: viewer.id } })).toBe(6)
    const progress = await dal.progress.courseProgress(viewer, 'kubernetes-basics')
    expect(progress[0]?.attempts).toBe(6) // a refused submission is no attempt
  })

  it('keeps the full text of the newest attempts of an exercise; older ones keep their result and their start', async () => {
    const viewer = await learner()
    const big = (i: number) => `# attempt ${i}\n` + `${'x'.repeat(99)}\n`.repeat(100)
    for (let i = 1; i <= 3; i++) await dal.progress.recordSubmission(viewer, submission(big(i)))
    await dal.progress.recordSubmission(viewer, submission('kind: Pod', 'deployment-web'))
    const rows = await database.db.submission.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: 'asc' } })
    const [oldest, second, third, other] = rows
    expect(oldest!.sourceTrimmed).toBe(true)
    expect(oldest!.source.length).toBeLessThanOrEqual(trimmedSourceChars)
    expect(oldest!.source.startsWith('# attempt 1\n')).toBe(true)
    expect(oldest!.source.endsWith('\n')).toBe(true) // cut at a line end
    expect(JSON.parse(oldest!.result)).toMatchObject({ checks: [{ id: 'image', message: 'wrong image' }] })
    expect([second!.source, third!.source]).toEqual([big(2), big(3)])
    expect(other).toMatchObject({ source: 'kind: Pod', sourceTrimmed: false }) // another exercise keeps its own
  })

  it('trims one attempt per new one as they leave the newest, and all of them once the quota is lowered', async () => {
    const viewer = await learner()
    const roomy = createDal(database.db, { quota: { ...quota, submissionsPerHour: 100, submissionsTotal: 100, sourcesPerExercise: 4 } })
    const long = (i: number) => `# attempt ${i}\n` + `${'y'.repeat(99)}\n`.repeat(30)
    const trimmed = async () =>
      (
        await database.db.submission.findMany({
          where: { userId: viewer.id },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { sourceTrimmed: true },
        })
      ).map((r) => r.sourceTrimmed)
    for (let i = 1; i <= 6; i++) {
      const answer = await roomy.progress.recordSubmission(viewer, { ...submission(long(i)), result: result(i === 2) })
      // attempts counted in the same transaction; passed once any attempt passed
      expect(answer.exercise).toEqual({ attempts: i, passed: i >= 2 })
    }
    expect(await trimmed()).toEqual([true, true, false, false, false, false])
    // QUOTA_SOURCES_PER_EXERCISE lowered to 1: the next attempt trims every older one, not just one
    const tight = createDal(database.db, { quota: { ...quota, submissionsPerHour: 100, submissionsTotal: 100, sourcesPerExercise: 1 } })
    await tight.progress.recordSubmission(viewer, submission(long(7)))
    expect(await trimmed()).toEqual([true, true, true, true, true, true, false])
  })

  it('adds a visitor’s answers only up to the quota and says which were left out', async () => {
    const viewer = await learner()
    for (let i = 0; i < quota.submissionsPerHour - 1; i++) await dal.progress.recordSubmission(viewer, submission(`kind: Pod # ${i}`))
    const imported = await dal.imports.importVisitorWork(viewer, {
      submissions: [
        submission('kind: Pod # imported', 'pod-first-manifest'),
        { ...submission('kind: Deployment', 'deployment-web'), lessonId: 'deployment' },
      ],
      quizzes: [],
      drafts: [],
      lessons: [],
    })
    expect(imported.exercises.map((e) => [e.exerciseId, e.outcome])).toEqual([['pod-first-manifest', 'added']])
    expect(imported.overQuota).toEqual(['deployment-web'])
  })

  it('pages a learner’s submissions for the teacher, with each source cut to a preview and one opened whole', async () => {
    const teacher = await learner('teacher')
    const pupil = await learner()
    const other = await learner('teacher')
    const created = await dal.classes.create(teacher, { name: 'Paged', courseId: 'kubernetes-basics' })
    await dal.classes.join(pupil, created.inviteCode)
    const roomy = createDal(database.db, { quota: { submissionsPerHour: 100, submissionsTotal: 100, sourcesPerExercise: 100 } })
    const long = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n')
    for (let i = 0; i < 24; i++) await roomy.progress.recordSubmission(pupil, submission(i === 23 ? long : `kind: Pod # ${i}`))
    const first = await dal.classes.learnerSubmissions(teacher, created.id, pupil.id)
    expect(first).toMatchObject({ page: 1, pageCount: 3, totalSubmissions: 24 })
    expect(first!.submissions).toHaveLength(10)
    const newest = first!.submissions[0]!
    expect(newest).toMatchObject({ sourceCut: true, sourceLines: 100, sourceTrimmed: false })
    expect(newest.source.split('\n')).toHaveLength(40)
    const last = await dal.classes.learnerSubmissions(teacher, created.id, pupil.id, { page: 3 })
    expect(last!.submissions.map((s) => s.source)).toEqual(['kind: Pod # 3', 'kind: Pod # 2', 'kind: Pod # 1', 'kind: Pod # 0'])
    expect((await dal.classes.learnerSubmissions(teacher, created.id, pupil.id, { page: 99 }))!.page).toBe(3)
    expect((await dal.classes.learnerSubmissions(teacher, created.id, pupil.id, { page: -5 }))!.page).toBe(1)
    const whole = await dal.classes.learnerSubmission(teacher, created.id, pupil.id, newest.id)
    expect(whole?.submission).toMatchObject({ source: long, sourceCut: false, failing: [{ id: 'image', line: 3 }] })
    expect(await dal.classes.learnerSubmission(other, created.id, pupil.id, newest.id)).toBeNull()
    expect(await dal.classes.learnerSubmission(teacher, created.id, teacher.id, newest.id)).toBeNull()
  })
})
