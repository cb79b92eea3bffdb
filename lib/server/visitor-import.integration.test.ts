import { afterAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { importVisitorWork, visitorImportSchema, ImportBusyError } = await import('./visitor-import.ts')
const { gradingPool } = await import('./grading-pool/index.ts')
const { createTestAccount, testDatabases, useTestDatabase } = await import('../testing/db.ts')
const { findExercise, findQuiz } = await import('../content/load.ts')
const { visitorImportRequest } = await import('../browser/visitor-work.ts')

const course = 'kubernetes-basics'
const pod = findExercise('pod-first-manifest')!.exercise
const wrongPod = pod.wrongAnswers[0]!.source
const nodes = findExercise('intro-get-nodes')!.exercise
const podQuiz = findQuiz('pod-basics')!.quiz

/** Right answers to every question of a quiz, in the shape the quiz form posts. */
function rightAnswers(quiz: typeof podQuiz) {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, q.type === 'short' ? q.answer.accept[0]! : q.answer]))
}

const parse = (body: unknown) => visitorImportSchema.parse(body)

describe.each(testDatabases())('importing a visitor’s work on %s', (_name, create) => {
  const { database, dal } = useTestDatabase(create)
  const newLearner = () => createTestAccount(database.db, 'learner')

  it('grades every answer again, stores it like a submission, and completes the lessons it passes', async () => {
    const viewer = await newLearner()
    const outcome = await importVisitorWork(
      dal,
      viewer,
      parse({
        lang: 'en',
        exercises: [
          { exerciseId: pod.id, answer: pod.solution, passed: true, score: 1 },
          { exerciseId: nodes.id, answer: ['kubectl get nodes', 'kubectl describe node node-2'], passed: true, score: 1 },
        ],
        quizzes: [{ quizId: podQuiz.id, answers: rightAnswers(podQuiz), score: 1 }],
        lessons: [
          { courseId: course, lessonId: 'pod' },
          { courseId: course, lessonId: 'deployment' },
        ],
      }),
    )
    expect(outcome.exercises).toEqual([
      { exerciseId: pod.id, outcome: 'added', passed: true, score: 1, lessonCompleted: true },
      { exerciseId: nodes.id, outcome: 'added', passed: true, score: 1, lessonCompleted: true },
    ])
    expect(outcome.quizzes).toEqual([
      { quizId: podQuiz.id, outcome: 'added', correct: podQuiz.questions.length, total: podQuiz.questions.length },
    ])
    expect(outcome.lessonsStarted).toBe(2)
    const progress = await dal.progress.courseProgress(viewer, course)
    const byLesson = Object.fromEntries(progress.map((p) => [p.lessonId, p]))
    expect(byLesson.pod).toMatchObject({ status: 'completed', attempts: 1, bestScore: 1 })
    expect(byLesson.intro).toMatchObject({ status: 'completed', attempts: 1 })
    expect(byLesson.deployment).toMatchObject({ status: 'started', attempts: 0 })
    expect(await dal.progress.exerciseAttempts(viewer, nodes.id)).toEqual({ attempts: 1, passed: true })
    const stored = await database.db.submission.findFirstOrThrow({ where: { userId: viewer.id, exerciseId: nodes.id } })
    expect(stored).toMatchObject({ kind: 'command', source: 'kubectl get nodes\nkubectl describe node node-2', passed: true })
    expect(JSON.parse(stored.result)).toMatchObject({ exercise: nodes.id, passed: true })
  })

  it('keeps a forged "passed" for a wrong answer not passed, and a forged quiz score with no answers out', async () => {
    const viewer = await newLearner()
    const outcome = await importVisitorWork(
      dal,
      viewer,
      parse({
        exercises: [{ exerciseId: pod.id, answer: wrongPod, passed: true, score: 1 }],
        quizzes: [{ quizId: podQuiz.id, answers: {}, score: 1 }],
      }),
    )
    expect(outcome.exercises[0]).toMatchObject({ outcome: 'added', passed: false, lessonCompleted: false })
    expect(outcome.exercises[0]!.score).toBeLessThan(1)
    expect((await dal.progress.courseProgress(viewer, course))[0]).toMatchObject({ lessonId: 'pod', status: 'started', completedAt: null })
    expect(await dal.progress.exerciseAttempts(viewer, pod.id)).toEqual({ attempts: 1, passed: false })
    // no answers is no attempt (the quiz route answers such an attempt 422 too)
    expect(outcome.quizzes).toEqual([])
    expect(outcome.notAdded.quizzes).toEqual([{ quizId: podQuiz.id, reason: 'unanswered', unanswered: podQuiz.questions.map((q) => q.id) }])
    expect(await database.db.quizAttempt.count({ where: { userId: viewer.id } })).toBe(0)
  })

  it('leaves out a partly answered quiz, naming the questions left open', async () => {
    const viewer = await newLearner()
    const [firstQuestion, ...rest] = podQuiz.questions
    const partly = Object.fromEntries(Object.entries(rightAnswers(podQuiz)).filter(([id]) => id === firstQuestion!.id))
    const outcome = await importVisitorWork(dal, viewer, parse({ quizzes: [{ quizId: podQuiz.id, answers: partly }] }))
    expect(outcome.notAdded.quizzes).toEqual([{ quizId: podQuiz.id, reason: 'unanswered', unanswered: rest.map((q) => q.id) }])
    expect(await database.db.quizAttempt.count({ where: { userId: viewer.id } })).toBe(0)
  })

  it('grades in the pool with the grade route’s budget: an answer over it is not added, and says why', async () => {
    const viewer = await newLearner()
    const deployment = findExercise('deployment-web')!.exercise
    const tooBig = deployment.solution.replace(/replicas: \d+/, 'replicas: 100000')
    const outcome = await importVisitorWork(
      dal,
      viewer,
      parse({
        exercises: [
          { exerciseId: deployment.id, answer: tooBig },
          { exerciseId: pod.id, answer: pod.solution },
        ],
      }),
    )
    expect(outcome.notAdded.exercises).toEqual([{ exerciseId: deployment.id, reason: 'over_budget' }])
    expect(outcome.exercises.map((e) => [e.exerciseId, e.passed])).toEqual([[pod.id, true]])
    expect(await database.db.submission.count({ where: { userId: viewer.id, exerciseId: deployment.id } })).toBe(0)
  })

  it('adds nothing when the grading pool is busy (the browser keeps its record and tries again)', async () => {
    const viewer = await newLearner()
    const busy = async () => ({ status: 'busy' as const })
    const body = parse({ exercises: [{ exerciseId: pod.id, answer: pod.solution }], lessons: [{ courseId: course, lessonId: 'pod' }] })
    await expect(importVisitorWork(dal, viewer, body, busy)).rejects.toBeInstanceOf(ImportBusyError)
    expect(await database.db.lessonProgress.count({ where: { userId: viewer.id } })).toBe(0)
  })

  it('counts nothing twice: the same import again, or two at once, adds each answer once', async () => {
    const viewer = await newLearner()
    const body = parse({
      exercises: [{ exerciseId: pod.id, answer: wrongPod }],
      // the same answers in another key order are the same answers
      quizzes: [{ quizId: podQuiz.id, answers: rightAnswers(podQuiz) }],
      lessons: [{ courseId: course, lessonId: 'service' }],
      drafts: [{ exerciseId: pod.id, source: 'kind: Pod' }],
    })
    const reordered = parse({
      ...body,
      quizzes: [{ quizId: podQuiz.id, answers: Object.fromEntries(Object.entries(rightAnswers(podQuiz)).reverse()) }],
    })
    const [first, second] = await Promise.all([importVisitorWork(dal, viewer, body), importVisitorWork(dal, viewer, reordered)])
    expect([first.exercises[0]!.outcome, second.exercises[0]!.outcome].sort()).toEqual(['added', 'duplicate'])
    expect([first.quizzes[0]!.outcome, second.quizzes[0]!.outcome].sort()).toEqual(['added', 'duplicate'])
    const third = await importVisitorWork(dal, viewer, body)
    expect(third.exercises[0]).toMatchObject({ outcome: 'duplicate', passed: false })
    expect(third.quizzes[0]!.outcome).toBe('duplicate')
    expect(third.lessonsStarted).toBe(0)
    expect(third.drafts).toEqual([{ exerciseId: pod.id, outcome: 'kept' }])
    expect(await database.db.submission.count({ where: { userId: viewer.id } })).toBe(1)
    expect(await database.db.quizAttempt.count({ where: { userId: viewer.id } })).toBe(1)
    expect((await dal.progress.courseProgress(viewer, course)).find((p) => p.lessonId === 'pod')).toMatchObject({ attempts: 1 })
    // a different answer to the same exercise is a new attempt
    const better = await importVisitorWork(dal, viewer, parse({ exercises: [{ exerciseId: pod.id, answer: pod.solution }] }))
    expect(better.exercises[0]).toMatchObject({ outcome: 'added', passed: true, lessonCompleted: true })
    expect((await dal.progress.courseProgress(viewer, course)).find((p) => p.lessonId === 'pod')).toMatchObject({
      attempts: 2,
      status: 'completed',
    })
  })

  it('treats an answer the account already submitted as already there, and keeps the account’s own drafts', async () => {
    const viewer = await newLearner()
    await dal.drafts.save(viewer, pod.id, 'my signed-in draft')
    const graded = await importVisitorWork(dal, viewer, parse({ exercises: [{ exerciseId: pod.id, answer: pod.solution }] }))
    expect(graded.exercises[0]!.outcome).toBe('added')
    const outcome = await importVisitorWork(
      dal,
      viewer,
      parse({
        exercises: [{ exerciseId: pod.id, answer: pod.solution }],
        drafts: [
          { exerciseId: pod.id, source: 'visitor draft' },
          { exerciseId: 'deployment-web', source: 'kind: Deployment' },
        ],
      }),
    )
    expect(outcome.exercises[0]).toMatchObject({ outcome: 'duplicate', passed: true, lessonCompleted: true })
    expect(outcome.drafts).toEqual([
      { exerciseId: pod.id, outcome: 'kept' },
      { exerciseId: 'deployment-web', outcome: 'saved' },
    ])
    expect(await dal.drafts.load(viewer, pod.id)).toBe('my signed-in draft')
    expect(await dal.drafts.load(viewer, 'deployment-web')).toBe('kind: Deployment')
  })

  it('leaves out what the course does not have, or an answer of the wrong kind, and stores nothing for it', async () => {
    const viewer = await newLearner()
    const outcome = await importVisitorWork(
      dal,
      viewer,
      parse({
        exercises: [
          { exerciseId: 'no-such-exercise', answer: 'kind: Pod', passed: true },
          { exerciseId: pod.id, answer: ['kubectl run web --image=nginx:1.27'] },
        ],
        quizzes: [{ quizId: 'no-such-quiz', answers: {} }],
        drafts: [{ exerciseId: 'no-such-exercise', source: 'x' }],
        lessons: [
          { courseId: course, lessonId: 'no-such-lesson' },
          { courseId: 'other-course', lessonId: 'pod' },
        ],
      }),
    )
    expect(outcome.skipped).toEqual({
      exercises: ['no-such-exercise', pod.id],
      quizzes: ['no-such-quiz'],
      drafts: ['no-such-exercise'],
      lessons: [`${course}/no-such-lesson`, 'other-course/pod'],
    })
    expect(outcome.exercises).toEqual([])
    expect(await database.db.lessonProgress.count({ where: { userId: viewer.id } })).toBe(0)
  })

  it('refuses a visitor who is not signed in, and an account that no longer exists, and stores nothing', async () => {
    const body = parse({ exercises: [{ exerciseId: pod.id, answer: pod.solution }] })
    await expect(importVisitorWork(dal, null, body)).rejects.toMatchObject({ status: 401 })
    await expect(
      dal.imports.importVisitorWork(
        { id: 'deleted-user', role: 'learner' },
        { submissions: [], quizzes: [], drafts: [], lessons: [{ courseId: course, lessonId: 'pod' }] },
      ),
    ).rejects.toMatchObject({ status: 401 })
    expect(await database.db.lessonProgress.count({ where: { userId: 'deleted-user' } })).toBe(0)
  })

  it('imports what the browser recorded, as the browser sends it', async () => {
    const viewer = await newLearner()
    const work = {
      version: 1 as const,
      exercises: {
        [pod.id]: {
          best: {
            courseId: course,
            lessonId: 'pod',
            exerciseId: pod.id,
            kind: 'manifest' as const,
            answer: pod.solution,
            passed: true,
            score: 1,
            at: '2026-12-04T10:00:00.000Z',
          },
          attempts: 4,
        },
      },
      quizzes: {
        [podQuiz.id]: {
          courseId: course,
          lessonId: 'pod',
          quizId: podQuiz.id,
          answers: rightAnswers(podQuiz),
          score: 1,
          at: '2026-12-04T10:05:00.000Z',
        },
      },
      lessons: { [`${course}/pod`]: '2026-12-04T09:55:00.000Z', [`${course}/intro`]: '2026-12-04T09:50:00.000Z' },
    }
    const request = visitorImportRequest(work, { [pod.id]: pod.solution }, 'ko')
    const outcome = await importVisitorWork(dal, viewer, parse(JSON.parse(JSON.stringify(request))))
    expect(outcome.exercises).toEqual([{ exerciseId: pod.id, outcome: 'added', passed: true, score: 1, lessonCompleted: true }])
    // the browser's attempt count is not trusted either: one import is one attempt
    expect(await dal.progress.exerciseAttempts(viewer, pod.id)).toEqual({ attempts: 1, passed: true })
    expect(outcome.lessonsStarted).toBe(2)
  })
})

afterAll(async () => (await gradingPool()).close())

describe('the import request’s shape', () => {
  it('refuses NUL characters and lone surrogates in answers and drafts, naming the field', () => {
    const nul = visitorImportSchema.safeParse({ exercises: [{ exerciseId: 'a', answer: 'kind: Pod\u0000' }] })
    expect(nul.success ? [] : nul.error.issues.map((i) => i.path.join('.'))).toContain('exercises.0.answer')
    const commands = visitorImportSchema.safeParse({ exercises: [{ exerciseId: 'a', answer: ['ok', 'kubectl \ud800'] }] })
    expect(commands.success).toBe(false)
    const draft = visitorImportSchema.safeParse({ drafts: [{ exerciseId: 'a', source: '\udc00' }] })
    expect(draft.success ? [] : draft.error.issues.map((i) => i.path.join('.'))).toEqual(['drafts.0.source'])
  })

  it('refuses the same exercise twice, unknown fields, and answers over the caps', () => {
    const twice = visitorImportSchema.safeParse({
      exercises: [
        { exerciseId: 'a', answer: 'x' },
        { exerciseId: 'a', answer: 'y' },
      ],
    })
    expect(twice.success).toBe(false)
    expect(visitorImportSchema.safeParse({ exercises: [{ exerciseId: 'a', answer: 'x', attempts: 99 }] }).success).toBe(false)
    expect(visitorImportSchema.safeParse({ exercises: [{ exerciseId: 'a', answer: 'x'.repeat(64 * 1024 + 1) }] }).success).toBe(false)
    expect(
      visitorImportSchema.safeParse({ lessons: Array.from({ length: 201 }, (_, i) => ({ courseId: 'c', lessonId: `l${i}` })) }).success,
    ).toBe(false)
    expect(visitorImportSchema.safeParse({ userId: 'someone-else' }).success).toBe(false)
    expect(visitorImportSchema.parse({})).toEqual({ lang: 'ko', exercises: [], quizzes: [], drafts: [], lessons: [] })
  })
})
