/**
 * What the Demo class's learners did, and when: for each learner the lessons they opened, each attempt at the
 * exercise (which of the exercise's proven answers they sent: a known-wrong one, the reference solution or another
 * right answer), each quiz attempt with its answers, spread over the weeks before `now`. Pure and deterministic: one
 * seeded random stream (lib/sim/rng.ts), the clock passed in. fill.ts grades the answers and writes the rows.
 */
import { nextFloat, nextInt, seedRng, type RngState } from '../../lib/sim/rng.ts'
import type { Lesson } from '../../lib/content/load.ts'
import type { Exercise } from '../../lib/grading/exercise-schema.ts'
import { gradeQuiz, type QuizAnswers } from '../../lib/grading/quiz.ts'
import type { Question } from '../../lib/content/schemas.ts'
import { demoComments, demoDeadlines, demoTrickyExercises, type DemoLearner } from './learners.ts'

/** One of an exercise's proven answers. */
export type AnswerRef = { kind: 'solution' } | { kind: 'right'; index: number } | { kind: 'wrong'; index: number }

export interface PlannedAttempt {
  lessonId: string
  exerciseId: string
  answer: AnswerRef
  at: Date
}

export interface PlannedQuiz {
  lessonId: string
  quizId: string
  answers: QuizAnswers
  at: Date
}

export interface PlannedLesson {
  lessonId: string
  startedAt: Date
  attempts: PlannedAttempt[]
  quizzes: PlannedQuiz[]
}

export interface PlannedLearner {
  learner: DemoLearner
  signedUpAt: Date
  joinedAt: Date
  lessons: PlannedLesson[]
}

export interface PlannedComment {
  learner: string
  attempt: PlannedAttempt
  body: string
  createdAt: Date
  readAt: Date | null
}

export interface DemoPlan {
  classCreatedAt: Date
  learners: PlannedLearner[]
  deadlines: { lessonId: string; dueAt: Date }[]
  comments: PlannedComment[]
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Local midnight `days` days from `now`, plus hours and minutes (the server's time zone, as a class would see it). */
function dayAt(now: Date, days: number, hours = 0, minutes = 0): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hours, minutes)
}

/** The moment itself during the day, else the next morning at nine: when a teacher writes. */
function daytime(at: Date): Date {
  const hour = at.getHours()
  if (hour >= 8 && hour < 22) return at
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + (hour >= 22 ? 1 : 0), 9, at.getMinutes())
}

const between = (rng: RngState, low: number, high: number) => low + nextInt(rng, high - low + 1)
const chance = (rng: RngState, p: number) => nextFloat(rng) < p
const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x))

/** An index drawn with the given weights. */
function weighted(rng: RngState, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let x = nextFloat(rng) * total
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!
    if (x < 0) return i
  }
  return weights.length - 1
}

/** A number in [0, 1) from a text, so a question is as hard for every learner and every seed. */
function hashUnit(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
  return h / 4294967296
}

/**
 * A known-wrong answer: the ones an exercise lists first are the commoner beginner mistakes, so they are drawn
 * more often, and learners who make the same one form the groups a teacher sees. Not one this learner sent already.
 */
function wrongAnswer(rng: RngState, exercise: Exercise, sent: Set<number>): number {
  // the commonest eight: enough variety, and fewer distinct answers to grade at the first start
  const weights = exercise.wrongAnswers.slice(0, 8).map((_, i) => (sent.has(i) ? 0 : 1 / (i + 1) ** 1.6))
  return weights.some((w) => w > 0) ? weighted(rng, weights) : nextInt(rng, weights.length)
}

function mistakeIndex(exercise: Exercise, nameStart: string): number | null {
  const i = exercise.wrongAnswers.findIndex((w) => w.name.startsWith(nameStart))
  return i < 0 ? null : i
}

/** A passing answer: mostly the reference solution's way, sometimes another proven right answer. */
function rightAnswer(rng: RngState, exercise: Exercise): AnswerRef {
  if (exercise.rightAnswers.length === 0 || chance(rng, 0.6)) return { kind: 'solution' }
  return { kind: 'right', index: nextInt(rng, Math.min(2, exercise.rightAnswers.length)) }
}

/** One question answered: right with probability `p`, else a plausible wrong answer (a tempting wrong choice most often). */
function answerQuestion(rng: RngState, q: Question, p: number): QuizAnswers[string] {
  const right = chance(rng, p)
  switch (q.type) {
    case 'single': {
      if (right) return q.answer
      const wrong = q.choices.map((c) => c.id).filter((id) => id !== q.answer)
      const tempting = Math.floor(hashUnit(`${q.id}/tempting`) * wrong.length)
      return wrong[
        weighted(
          rng,
          wrong.map((_, i) => (i === tempting ? 4 : 1)),
        )
      ]!
    }
    case 'multiple': {
      if (right) return [...q.answer]
      const others = q.choices.map((c) => c.id).filter((id) => !q.answer.includes(id))
      // one right choice missed, or one wrong choice added
      if (q.answer.length > 1 && (others.length === 0 || chance(rng, 0.5)))
        return q.answer.filter((_, i) => i !== nextInt(rng, q.answer.length))
      return others.length > 0 ? [...q.answer, others[nextInt(rng, others.length)]!] : [...q.answer]
    }
    case 'ordering': {
      if (right) return [...q.answer]
      const order = [...q.answer]
      const i = nextInt(rng, order.length - 1)
      ;[order[i], order[i + 1]] = [order[i + 1]!, order[i]!]
      return order
    }
    case 'truefalse':
      return right ? q.answer : !q.answer
    case 'short': {
      const accepted = q.answer.accept[0]!
      return right ? accepted : accepted.length > 1 ? accepted.slice(0, -1) : `${accepted}?`
    }
  }
}

function quizAttempt(rng: RngState, lesson: Lesson, skill: number, at: Date, bonus = 0): PlannedQuiz | null {
  if (!lesson.quiz) return null
  const answers: QuizAnswers = {}
  for (const q of lesson.quiz.questions) {
    // some questions are harder than others for everybody: those are the ones the class misses most
    const difficulty = hashUnit(`${lesson.quiz.id}/${q.id}`) * 0.45
    answers[q.id] = answerQuestion(rng, q, clamp(0.4 + skill * 0.55 - difficulty + bonus, 0.1, 0.97))
  }
  return { lessonId: lesson.id, quizId: lesson.quiz.id, answers, at }
}

/** The lessons one learner opened, with their attempts and quiz attempts, from the day they joined. */
function planLearner(rng: RngState, learner: DemoLearner, lessons: Lesson[], now: Date): PlannedLearner {
  const touched = Math.min(lessons.length, learner.completed + (learner.current ? 1 : 0))
  const joinedAt = dayAt(now, -learner.joinedDaysAgo, between(rng, 9, 20), between(rng, 0, 59))
  const signedUpAt = new Date(joinedAt.getTime() - between(rng, 2, 30) * MINUTE)
  let cursor = new Date(joinedAt.getTime() + between(rng, 1, 6) * MINUTE)
  let cursorDay = -learner.joinedDaysAgo
  const planned: PlannedLesson[] = []
  const after = (minutes: [number, number]) => (cursor = new Date(cursor.getTime() + between(rng, minutes[0], minutes[1]) * MINUTE))

  for (let i = 0; i < touched; i++) {
    const lesson = lessons[i]!
    const exercise = lesson.exercise
    // the lessons spread evenly over the days from joining to the last activity, in sittings of a few lessons
    const span = learner.joinedDaysAgo - learner.lastDaysAgo
    const day = -learner.joinedDaysAgo + (touched > 1 ? Math.round((span * i) / (touched - 1)) : 0)
    if (day > cursorDay) {
      cursorDay = day
      cursor = dayAt(now, day, between(rng, 9, 20), between(rng, 0, 59))
    } else if (i > 0) after([5, 25])
    const startedAt = new Date(cursor.getTime())
    const entry: PlannedLesson = { lessonId: lesson.id, startedAt, attempts: [], quizzes: [] }
    planned.push(entry)
    after([6, 25]) // reading the lesson
    const isCurrent = i >= learner.completed
    if (exercise) {
      const forced = (learner.mistakes?.[exercise.id] ?? [])
        .map((name) => mistakeIndex(exercise, name))
        .filter((x): x is number => x !== null)
      let failures: number
      if (isCurrent) failures = learner.current?.attempts ?? 0
      else {
        // harder lessons later in the course, fewer failures for stronger learners
        const failP = clamp(
          0.2 + (0.45 * i) / Math.max(1, lessons.length - 1) + 0.3 - learner.skill * 0.6 + (demoTrickyExercises[exercise.id] ?? 0),
          0.05,
          0.85,
        )
        failures = 0
        while (failures < 3 && chance(rng, failP)) failures++
        failures = Math.max(failures, forced.length)
      }
      const sent = new Set<number>()
      for (let f = 0; f < failures; f++) {
        const index = forced[f] ?? wrongAnswer(rng, exercise, sent)
        sent.add(index)
        entry.attempts.push({
          lessonId: lesson.id,
          exerciseId: exercise.id,
          answer: { kind: 'wrong', index },
          at: new Date(after([2, 12]).getTime()),
        })
      }
      if (!isCurrent)
        entry.attempts.push({
          lessonId: lesson.id,
          exerciseId: exercise.id,
          answer: rightAnswer(rng, exercise),
          at: new Date(after([2, 12]).getTime()),
        })
    }
    // the quiz after a pass, most of the time; now and then before the exercise is done
    if (chance(rng, isCurrent ? 0.35 : 0.85)) {
      const first = quizAttempt(rng, lesson, learner.skill, new Date(after([2, 6]).getTime()))
      if (first) {
        entry.quizzes.push(first)
        // a low first score: some try again, with the explanations they were just shown
        if (gradeQuiz(lesson.quiz!, first.answers, learner.locale).score < 0.8 && chance(rng, 0.55)) {
          const again = quizAttempt(rng, lesson, learner.skill, new Date(after([1, 4]).getTime()), 0.3)
          if (again) entry.quizzes.push(again)
        }
      }
    }
  }

  // nothing after the seed: a learner whose last sitting would run past now did it a little earlier
  const times = planned.flatMap((l) => [l.startedAt, ...l.attempts.map((a) => a.at), ...l.quizzes.map((q) => q.at)])
  const latest = Math.max(joinedAt.getTime(), ...times.map((t) => t.getTime()))
  const limit = Math.floor(now.getTime() / MINUTE) * MINUTE - between(rng, 20, 90) * MINUTE
  if (latest > limit) {
    const shift = latest - limit
    for (const t of [joinedAt, signedUpAt, ...times]) t.setTime(t.getTime() - shift)
  }
  return { learner, signedUpAt, joinedAt, lessons: planned }
}

/** The whole Demo class, from the course's lessons (in order) and the moment of the seed. */
export function planDemoClass(lessons: Lesson[], learners: DemoLearner[], now: Date, seed = 17): DemoPlan {
  const rng = seedRng(seed)
  const planned = learners.map((l) => planLearner(rng, l, lessons, now))
  const earliest = Math.min(...planned.map((p) => p.signedUpAt.getTime()))
  const comments: PlannedComment[] = []
  for (const c of demoComments) {
    const learner = planned.find((p) => p.learner.email === c.learner)
    const exercise = lessons.find((l) => l.exercise?.id === c.exerciseId)?.exercise
    const index = exercise ? mistakeIndex(exercise, c.mistake) : null
    const attempt = learner?.lessons
      .flatMap((l) => l.attempts)
      .filter((a) => a.exerciseId === c.exerciseId && a.answer.kind === 'wrong' && a.answer.index === index)
      .at(-1)
    if (!attempt) continue // the content changed and nobody made this mistake: the comment would make no sense
    const createdAt = new Date(Math.min(daytime(new Date(attempt.at.getTime() + 3 * HOUR)).getTime(), now.getTime() - 2 * HOUR))
    comments.push({
      learner: c.learner,
      attempt,
      body: c.body,
      createdAt,
      readAt: c.read ? new Date(Math.min(createdAt.getTime() + 5 * HOUR, now.getTime() - HOUR)) : null,
    })
  }
  return {
    classCreatedAt: new Date(earliest - 2 * 24 * HOUR),
    learners: planned,
    deadlines: demoDeadlines
      .filter((d) => lessons.some((l) => l.id === d.lessonId))
      .map((d) => ({ lessonId: d.lessonId, dueAt: dayAt(now, d.inDays, 23, 59) })),
    comments,
  }
}
