/**
 * A class at scale, for the class-scale bench and the class views' query-plan test (issue 17): one class of a
 * course with many learners, their graded attempts, lesson progress and quiz attempts, a co-teacher, deadlines and
 * teacher comments. Deterministic: every choice comes from the seed, every time from `now`, every id from `tag`
 * (several classes fit one database under different tags). The rows are planned first (pure), then bulk-inserted
 * with multi-row INSERTs in one transaction, so 20,000 submissions take seconds on SQLite and PostgreSQL.
 *
 * The attempts are made of the course's own material: a failing attempt sends one of the exercise's known wrong
 * answers (`wrongAnswers`, each with the checks it fails) and a passing one the solution, and the stored result
 * carries the exercise's check messages in the learner's language. Popular wrong answers are chosen more often, so
 * learners share mistakes as a real class does. A course with fewer exercises than asked gets synthetic ones
 * (`<exercise>-extra-<n>`) copied from its lessons' exercises; quiz attempts are graded with the real quiz grader.
 */
import { loadCourses, type Lesson } from '../content/load.ts'
import type { Exercise } from '../grading/exercise-schema.ts'
import { gradeQuiz, type QuizAnswers } from '../grading/quiz.ts'
import type { CheckOutcome, GradeResult } from '../grading/result.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { Question } from '../content/schemas.ts'
import { trimmedSourceChars } from '../server/dal/quotas.ts'
import type { Db } from '../server/db/client.ts'

export interface ClassScaleOptions {
  /** default 17 */
  seed?: number
  /** default 200 */
  learners?: number
  /** graded exercises, default 30 */
  exercises?: number
  /** default 20,000 */
  submissions?: number
  /** prefix of every id, email and the invite code's seed; default "scale" */
  tag?: string
  /** default kubernetes-basics */
  courseId?: string
  /** the class's activity ends here; default 2026-12-01 09:00 UTC */
  now?: Date
}

/** What the class views are run with (bench/class-views.ts). */
export interface ClassScaleIds {
  classId: string
  courseId: string
  teacherId: string
  coTeacherId: string
  learnerIds: string[]
  /** the learner with the most submissions */
  learnerId: string
  /** a failing submission of that learner */
  submissionId: string
  /** the course's most attempted exercise (a real one), its lesson and that lesson's quiz */
  exerciseId: string
  lessonId: string
  quizId: string
  /** every graded exercise of the class, synthetic ones included, in course order */
  exerciseIds: string[]
  lessonIds: string[]
  /** a failing check shared by learners of `exerciseId`, and the groupKey of the comment written to them */
  checkId: string
  groupKey: string
}

export interface ClassScaleRows {
  users: { id: string; email: string; name: string | null; role: string; locale: string; createdAt: Date; updatedAt: Date }[]
  classroom: { id: string; name: string; courseId: string; inviteCode: string; teacherId: string; createdAt: Date; updatedAt: Date }
  coTeachers: { classroomId: string; userId: string; addedById: string; createdAt: Date }[]
  enrolments: { id: string; classroomId: string; userId: string; createdAt: Date }[]
  submissions: {
    id: string
    userId: string
    courseId: string
    lessonId: string
    exerciseId: string
    kind: string
    source: string
    passed: boolean
    score: number
    result: string
    durationMs: number
    createdAt: Date
    sourceTrimmed: boolean
  }[]
  progress: {
    userId: string
    courseId: string
    lessonId: string
    status: string
    attempts: number
    bestScore: number
    startedAt: Date
    completedAt: Date | null
    updatedAt: Date
  }[]
  quizAttempts: {
    id: string
    userId: string
    courseId: string
    lessonId: string
    quizId: string
    answers: string
    score: number
    correct: number
    total: number
    createdAt: Date
  }[]
  deadlines: { classroomId: string; lessonId: string; dueAt: Date; updatedAt: Date }[]
  comments: {
    id: string
    classroomId: string
    learnerId: string
    authorId: string
    authorLabel: string
    lessonId: string
    exerciseId: string
    submissionId: string | null
    checkId: string | null
    groupKey: string | null
    body: string
    createdAt: Date
    readAt: Date | null
  }[]
}

export interface ClassScalePlan {
  ids: ClassScaleIds
  rows: ClassScaleRows
}

/** One graded exercise of the class: a course exercise, or a synthetic copy of one under its own id. */
interface Slot {
  id: string
  lesson: Lesson
  exercise: Exercise
}

const DAY = 86_400_000
const MINUTE = 60_000
/** newest attempts per learner and exercise whose whole source is kept (the storage quota's default) */
const SOURCES_KEPT = 10

/** mulberry32: a small seeded generator, enough for test data */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const surnames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황']
const givenNames = [
  '민준',
  '서연',
  '도윤',
  '지우',
  '하준',
  '서윤',
  '예준',
  '하은',
  '시우',
  '지민',
  '주원',
  '수아',
  '지호',
  '지아',
  '현우',
  '채원',
]
const firstNames = ['Ada', 'Grace', 'Linus', 'Barbara', 'Alan', 'Margaret', 'Dennis', 'Frances', 'Ken', 'Radia']
const lastNames = ['Lovelace', 'Hopper', 'Liskov', 'Turing', 'Hamilton', 'Ritchie', 'Allen', 'Perlman']
const commentBodies: Record<Locale, string[]> = {
  ko: [
    '실패한 검사의 줄을 먼저 보세요. 그 줄의 들여쓰기가 한 칸 어긋나 있습니다.',
    'selector의 matchLabels와 템플릿의 레이블이 같아야 합니다. 두 곳을 나란히 놓고 비교해 보세요.',
    '이미지 태그를 다시 확인해 보세요. 나머지는 맞습니다.',
    '다음 수업 시간에 이 부분을 함께 다시 보겠습니다.',
  ],
  en: [
    'Look at the failing check’s line first: its indentation is off by one.',
    'Compare the selector with the template’s labels: they must match.',
    'Check the image tag again; the rest is right.',
  ],
}

/** The class's rows and the ids its views are run with; pure and deterministic. */
export function planClassScale(options: ClassScaleOptions = {}): ClassScalePlan {
  const {
    seed = 17,
    learners: learnerCount = 200,
    exercises: exerciseCount = 30,
    submissions: submissionCount = 20_000,
    tag = 'scale',
    courseId = 'kubernetes-basics',
    now = new Date('2026-12-01T09:00:00Z'),
  } = options
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const course = loadCourses().find((c) => c.id === courseId)
  if (!course) throw new Error(`no course ${courseId} in content/`)
  const slots = exerciseSlots(course.lessons, exerciseCount)
  const start = new Date(now.getTime() - 30 * DAY)
  const at = (ms: number) => new Date(Math.min(now.getTime(), start.getTime() + ms))

  const teacher = {
    id: `${tag}-teacher`,
    email: `${tag}-teacher@example.org`,
    name: 'Scale Teacher',
    role: 'teacher',
    locale: 'ko',
    createdAt: start,
    updatedAt: start,
  }
  const coTeacher = { ...teacher, id: `${tag}-coteacher`, email: `${tag}-coteacher@example.org`, name: 'Scale Co-teacher' }
  const classroom = {
    id: `${tag}-class`,
    name: `Scale class ${tag}`,
    courseId,
    inviteCode: inviteCodeFor(seededRandom(seed ^ 0x5eed)),
    teacherId: teacher.id,
    createdAt: start,
    updatedAt: start,
  }
  const rows: ClassScaleRows = {
    users: [teacher, coTeacher],
    classroom,
    coTeachers: [{ classroomId: classroom.id, userId: coTeacher.id, addedById: teacher.id, createdAt: start }],
    enrolments: [],
    submissions: [],
    progress: [],
    quizAttempts: [],
    deadlines: [],
    comments: [],
  }

  // each learner: a language, a skill (chance to pass an attempt), how far they get, how many attempts they make
  const learners = Array.from({ length: learnerCount }, (_, i) => {
    const n = String(i + 1).padStart(4, '0')
    const locale: Locale = random() < 0.8 ? 'ko' : 'en'
    const name = random() < 0.1 ? null : locale === 'ko' ? `${pick(surnames)}${pick(givenNames)}` : `${pick(firstNames)} ${pick(lastNames)}`
    const reach = random() < 0.7 ? slots.length : 1 + Math.floor(random() * slots.length)
    return {
      id: `${tag}-learner-${n}`,
      email: `${tag}-learner-${n}@example.org`,
      name,
      locale,
      skill: 0.35 + random() * 0.55,
      reach,
      stuck: reach < slots.length && random() < 0.4,
      joinedAt: at(random() * 2 * DAY),
    }
  })
  for (const l of learners) {
    rows.users.push({
      id: l.id,
      email: l.email,
      name: l.name,
      role: 'learner',
      locale: l.locale,
      createdAt: l.joinedAt,
      updatedAt: l.joinedAt,
    })
    rows.enrolments.push({ id: `${l.id}-enrolment`, classroomId: classroom.id, userId: l.id, createdAt: l.joinedAt })
  }

  // the attempts each learner makes on their way through the exercises: failures until a pass (or stuck on the last)
  type Attempt = { slot: Slot; passed: boolean; time: number }
  const attempts = learners.map((l) => {
    const list: Attempt[] = []
    let time = l.joinedAt.getTime() - start.getTime() + random() * DAY
    for (let s = 0; s < l.reach; s++) {
      const stuckHere = l.stuck && s === l.reach - 1
      const failures = stuckHere ? 3 + Math.floor(random() * 4) : Math.min(8, geometric(random, l.skill))
      for (let f = 0; f < failures; f++) list.push({ slot: slots[s]!, passed: false, time: (time += 2 * MINUTE + random() * 20 * MINUTE) })
      if (!stuckHere) list.push({ slot: slots[s]!, passed: true, time: (time += 2 * MINUTE + random() * 20 * MINUTE) })
      time += (random() * (28 * DAY)) / slots.length
    }
    return list
  })
  fitToTotal(attempts, submissionCount, random, (list) => {
    // another try at an exercise already reached (practice, or a second look after the pass); never a pass where
    // the learner is stuck
    const base = pick(list)
    const passedBefore = list.some((a) => a.slot === base.slot && a.passed)
    return { slot: base.slot, passed: passedBefore && random() < 0.5, time: base.time + random() * 3 * DAY }
  })

  let submissionNo = 0
  const mistakeCounts = new Map<string, Map<string, string[]>>() // exercise → failing check → learners
  learners.forEach((l, li) => {
    const mine = attempts[li]!.sort((a, b) => a.time - b.time)
    const perSlot = new Map<string, number>()
    for (const a of mine) perSlot.set(a.slot.id, (perSlot.get(a.slot.id) ?? 0) + 1)
    const seen = new Map<string, number>()
    for (const a of mine) {
      const id = `${tag}-sub-${String(++submissionNo).padStart(6, '0')}`
      const nth = (seen.get(a.slot.id) ?? 0) + 1
      seen.set(a.slot.id, nth)
      const { source, result } = gradedAttempt(a.slot, a.passed, l.locale, random, 20 + Math.floor(random() * 400))
      const trimmed = (perSlot.get(a.slot.id) ?? 0) - nth >= SOURCES_KEPT
      rows.submissions.push({
        id,
        userId: l.id,
        courseId,
        lessonId: a.slot.lesson.id,
        exerciseId: a.slot.id,
        kind: a.slot.exercise.kind,
        source: trimmed ? source.slice(0, trimmedSourceChars) : source,
        passed: a.passed,
        score: result.score,
        result: JSON.stringify(result),
        durationMs: result.durationMs,
        createdAt: at(a.time),
        sourceTrimmed: trimmed,
      })
      for (const c of result.checks) {
        if (c.passed) continue
        const byCheck = mistakeCounts.get(a.slot.id) ?? new Map<string, string[]>()
        mistakeCounts.set(a.slot.id, byCheck)
        const who = byCheck.get(c.id) ?? []
        if (!who.includes(l.id)) who.push(l.id)
        byCheck.set(c.id, who)
      }
    }
  })

  // lesson progress, as storing those submissions would have left it; quiz attempts on every lesson reached
  let quizNo = 0
  for (const l of learners) {
    const mine = rows.submissions.filter((s) => s.userId === l.id)
    const lessonIds = [...new Set(mine.map((s) => s.lessonId))]
    for (const lessonId of lessonIds) {
      const tries = mine.filter((s) => s.lessonId === lessonId)
      const firstPass = tries.find((s) => s.passed)
      rows.progress.push({
        userId: l.id,
        courseId,
        lessonId,
        status: firstPass ? 'completed' : 'started',
        attempts: tries.length,
        bestScore: Math.max(...tries.map((s) => s.score)),
        startedAt: new Date(tries[0]!.createdAt.getTime() - 5 * MINUTE),
        completedAt: firstPass?.createdAt ?? null,
        updatedAt: tries.at(-1)!.createdAt,
      })
      const quiz = course.lessons.find((x) => x.id === lessonId)?.quiz
      if (!quiz) continue
      const times = random() < 0.7 ? 1 : random() < 0.66 ? 2 : 3
      for (let t = 0; t < times; t++) {
        const answers = quizAnswers(quiz.questions, Math.min(0.95, 0.45 + l.skill * 0.4 + t * 0.15), random)
        const graded = gradeQuiz(quiz, answers, l.locale)
        rows.quizAttempts.push({
          id: `${tag}-quiz-${String(++quizNo).padStart(6, '0')}`,
          userId: l.id,
          courseId,
          lessonId,
          quizId: quiz.id,
          answers: JSON.stringify(answers),
          score: graded.score,
          correct: graded.correct,
          total: graded.total,
          createdAt: new Date(tries[0]!.createdAt.getTime() - (3 - t) * MINUTE),
        })
      }
    }
  }

  // deadlines for the first lessons, three days apart (the last ones after `now`)
  const lessonIds = [...new Set(slots.map((s) => s.lesson.id))]
  lessonIds
    .slice(0, Math.ceil(lessonIds.length * 0.6))
    .forEach((lessonId, i) =>
      rows.deadlines.push({ classroomId: classroom.id, lessonId, dueAt: new Date(start.getTime() + (i + 1) * 3 * DAY), updatedAt: start }),
    )

  // the most attempted real exercise, its most shared failing check, and a comment to that group
  const attemptsBySlot = new Map<string, number>()
  for (const s of rows.submissions) attemptsBySlot.set(s.exerciseId, (attemptsBySlot.get(s.exerciseId) ?? 0) + 1)
  const busiest = slots
    .filter((s) => s.id === s.exercise.id)
    .sort((a, b) => (attemptsBySlot.get(b.id) ?? 0) - (attemptsBySlot.get(a.id) ?? 0))[0]!
  const [checkId, group] = [...(mistakeCounts.get(busiest.id) ?? new Map<string, string[]>())].sort(
    (a, b) => b[1].length - a[1].length,
  )[0] ?? [busiest.exercise.checks[0]!.id, []]
  const groupKey = `${tag}-group-1`
  let commentNo = 0
  const comment = (
    learnerId: string,
    fields: Pick<ClassScaleRows['comments'][number], 'lessonId' | 'exerciseId' | 'submissionId' | 'checkId' | 'groupKey' | 'createdAt'>,
    lang: Locale,
  ) =>
    rows.comments.push({
      id: `${tag}-comment-${String(++commentNo).padStart(5, '0')}`,
      classroomId: classroom.id,
      learnerId,
      authorId: teacher.id,
      authorLabel: teacher.name,
      body: pick(commentBodies[lang]),
      readAt: random() < 0.6 ? new Date(fields.createdAt.getTime() + DAY) : null,
      ...fields,
    })
  for (const learnerId of group)
    comment(
      learnerId,
      { lessonId: busiest.lesson.id, exerciseId: busiest.id, submissionId: null, checkId, groupKey, createdAt: at(25 * DAY) },
      'ko',
    )
  // and one comment on about one failing submission in a hundred
  rows.submissions.forEach((s, i) => {
    if (!s.passed && i % 97 === 0)
      comment(
        s.userId,
        {
          lessonId: s.lessonId,
          exerciseId: s.exerciseId,
          submissionId: s.id,
          checkId: null,
          groupKey: null,
          createdAt: new Date(s.createdAt.getTime() + 30 * MINUTE),
        },
        random() < 0.8 ? 'ko' : 'en',
      )
  })

  const counts = new Map<string, number>()
  for (const s of rows.submissions) counts.set(s.userId, (counts.get(s.userId) ?? 0) + 1)
  const learnerId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? learners[0]?.id ?? ''
  const submissionId =
    rows.submissions.find((s) => s.userId === learnerId && !s.passed)?.id ?? rows.submissions.find((s) => s.userId === learnerId)?.id ?? ''
  return {
    rows,
    ids: {
      classId: classroom.id,
      courseId,
      teacherId: teacher.id,
      coTeacherId: coTeacher.id,
      learnerIds: learners.map((l) => l.id),
      learnerId,
      submissionId,
      exerciseId: busiest.id,
      lessonId: busiest.lesson.id,
      quizId: busiest.lesson.quiz?.id ?? '',
      exerciseIds: slots.map((s) => s.id),
      lessonIds,
      checkId,
      groupKey,
    },
  }
}

/** The course's graded exercises in order, then synthetic copies after their lesson's own until there are `count`. */
function exerciseSlots(lessons: Lesson[], count: number): Slot[] {
  const graded = lessons.filter((l): l is Lesson & { exercise: Exercise } => !!l.exercise)
  if (graded.length === 0) throw new Error('the course has no graded exercise')
  const extras = new Map<string, number>()
  for (let i = 0; i < Math.max(0, count - graded.length); i++)
    extras.set(graded[i % graded.length]!.id, (extras.get(graded[i % graded.length]!.id) ?? 0) + 1)
  return graded
    .flatMap((lesson) => [
      { id: lesson.exercise.id, lesson, exercise: lesson.exercise },
      ...Array.from({ length: extras.get(lesson.id) ?? 0 }, (_, k) => ({
        id: `${lesson.exercise.id}-extra-${k + 1}`,
        lesson,
        exercise: lesson.exercise,
      })),
    ])
    .slice(0, count)
}

/** Failures before a pass, for a learner who passes an attempt with probability `p`. */
function geometric(random: () => number, p: number): number {
  let n = 0
  while (random() > p && n < 20) n++
  return n
}

/** Adds attempts (or takes the last ones off the busiest learners) until there are exactly `total`. */
function fitToTotal<T>(lists: T[][], total: number, random: () => number, another: (list: T[]) => T): void {
  let sum = lists.reduce((n, l) => n + l.length, 0)
  while (sum > total) {
    const longest = lists.reduce((a, b) => (b.length > a.length ? b : a))
    longest.pop()
    sum--
  }
  const active = lists.filter((l) => l.length > 0)
  while (sum < total && active.length > 0) {
    // the keen ones practise more: a learner is picked in proportion to the attempts they made
    const list = active[Math.floor(Math.pow(random(), 1.5) * active.length)]!
    list.push(another(list))
    sum++
  }
}

/** What a learner sent and what the grader would have said: a known wrong answer (popular ones first) or the solution. */
function gradedAttempt(
  slot: Slot,
  passed: boolean,
  lang: Locale,
  random: () => number,
  durationMs: number,
): { source: string; result: GradeResult } {
  const { exercise } = slot
  const wrong = exercise.wrongAnswers
  // Zipf-like: the first wrong answers of an exercise are the common ones
  const w = passed || wrong.length === 0 ? null : wrong[Math.min(wrong.length - 1, Math.floor(Math.pow(random(), 2.2) * wrong.length))]!
  const source = passed ? exercise.solution : (w?.source ?? exercise.starter ?? '')
  const fails = new Set(passed ? [] : (w?.fails ?? [exercise.checks[0]!.id]))
  const checks: CheckOutcome[] = exercise.checks.map((c) => {
    const ok = !fails.has(c.id)
    return {
      id: c.id,
      passed: ok,
      message: c.message[lang],
      hint: ok ? null : (c.hint?.[lang] ?? null),
      line: lineOf(source, c),
      weight: c.weight,
    }
  })
  const total = checks.reduce((n, c) => n + c.weight, 0)
  const score = Math.round((checks.filter((c) => c.passed).reduce((n, c) => n + c.weight, 0) / total) * 1000) / 1000
  return {
    source,
    result: {
      exercise: slot.id,
      passed,
      score: passed ? 1 : Math.min(score, 0.99),
      checks,
      validation: { valid: true, errors: [] },
      durationMs,
    },
  }
}

/** The line of the field a check is about (its `path`, or `line.path`), found by its last key; null for others. */
function lineOf(source: string, check: Exercise['checks'][number]): number | null {
  const c = check as { path?: unknown; line?: { path?: unknown } }
  const path = typeof c.path === 'string' ? c.path : typeof c.line?.path === 'string' ? c.line.path : null
  const key = path?.split('.').at(-1)?.replace(/\[.*$/, '')
  if (!key) return null
  const index = source.split('\n').findIndex((line) => line.trimStart().replace(/^- /, '').startsWith(`${key}:`))
  return index < 0 ? null : index + 1
}

/** Answers to every question, each right with probability `p`; a wrong one is the first wrong choice more often than not. */
function quizAnswers(questions: Question[], p: number, random: () => number): QuizAnswers {
  const answers: QuizAnswers = {}
  for (const q of questions) {
    const right = random() < p
    switch (q.type) {
      case 'single': {
        const wrong = q.choices.filter((c) => c.id !== q.answer)
        answers[q.id] = right || wrong.length === 0 ? q.answer : wrong[random() < 0.6 ? 0 : Math.floor(random() * wrong.length)]!.id
        break
      }
      case 'multiple': {
        const extra = q.choices.find((c) => !q.answer.includes(c.id))
        answers[q.id] = right ? [...q.answer] : q.answer.length > 1 ? q.answer.slice(1) : [...q.answer, ...(extra ? [extra.id] : [])]
        break
      }
      case 'ordering':
        answers[q.id] = right ? [...q.answer] : [q.answer[1]!, q.answer[0]!, ...q.answer.slice(2)]
        break
      case 'truefalse':
        answers[q.id] = right ? q.answer : !q.answer
        break
      case 'short':
        answers[q.id] = right ? q.answer.accept[0]! : 'nginx'
        break
    }
  }
  return answers
}

function inviteCodeFor(random: () => number): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
  return Array.from({ length: 8 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
}

/**
 * Writes a planned class in one transaction with multi-row INSERTs (Prisma's createMany spends seconds per
 * thousand rows of this size in its own work); Date parameters are written by the driver adapter as Prisma writes them.
 */
export async function insertClassScale(target: { db: Db; provider: 'sqlite' | 'postgresql' }, rows: ClassScaleRows): Promise<void> {
  const placeholder = target.provider === 'postgresql' ? (n: number) => `$${n}` : () => '?'
  await target.db.$transaction(
    async (tx) => {
      const insert = async (table: string, list: Record<string, unknown>[]) => {
        if (list.length === 0) return
        const columns = Object.keys(list[0]!)
        const perStatement = Math.max(1, Math.floor(8000 / columns.length))
        for (let i = 0; i < list.length; i += perStatement) {
          const part = list.slice(i, i + perStatement)
          let n = 0
          const values = part.map(() => `(${columns.map(() => placeholder(++n)).join(', ')})`).join(', ')
          await tx.$executeRawUnsafe(
            `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`,
            ...part.flatMap((row) => columns.map((c) => row[c] ?? null)),
          )
        }
      }
      await insert('User', rows.users)
      await insert('Classroom', [rows.classroom])
      await insert('CoTeacher', rows.coTeachers)
      await insert('Enrolment', rows.enrolments)
      await insert('Submission', rows.submissions)
      await insert('LessonProgress', rows.progress)
      await insert('QuizAttempt', rows.quizAttempts)
      await insert('LessonDeadline', rows.deadlines)
      await insert('TeacherComment', rows.comments)
    },
    { timeout: 300_000, maxWait: 60_000 },
  )
}

/** Plans a class and writes it; how many rows of each kind, and how long the insert took. */
export async function generateClassScale(
  target: { db: Db; provider: 'sqlite' | 'postgresql' },
  options: ClassScaleOptions = {},
): Promise<{ ids: ClassScaleIds; counts: Record<keyof ClassScaleRows, number>; insertMs: number }> {
  const { ids, rows } = planClassScale(options)
  const started = performance.now()
  await insertClassScale(target, rows)
  const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Array.isArray(v) ? v.length : 1])) as Record<
    keyof ClassScaleRows,
    number
  >
  return { ids, counts, insertMs: performance.now() - started }
}
