/**
 * The living Demo class: the plan (plan.ts) made real. Every attempt is one of the exercise's proven answers graded
 * on the simulator by the same grader as a learner's Submit, in the learner's language, so the stored results, the
 * failing checks and the mistake groups are the real ones. Each distinct answer is graded once (per language) and
 * its result reused: the first start stays quick. Quiz attempts are graded by the quiz grader.
 */
import { hashPassword } from '../../lib/server/auth/password.ts'
import type { Db } from '../../lib/server/db/client.ts'
import { writeDemoClass, type DemoClassWritten, type DemoLearnerRows } from '../../lib/server/dal/demo-class.ts'
import { findCourse } from '../../lib/content/load.ts'
import { gradeExercise } from '../../lib/grading/grade.ts'
import { gradeQuiz } from '../../lib/grading/quiz.ts'
import { commandsFromText } from '../../lib/grading/run-exercise.ts'
import type { Exercise } from '../../lib/grading/exercise-schema.ts'
import type { GradeResult } from '../../lib/grading/result.ts'
import type { Locale } from '../../i18n/locales.ts'
import { demoLearners } from './learners.ts'
import { planDemoClass, type AnswerRef } from './plan.ts'

export interface LivingDemoInput {
  name: string
  courseId: string
  teacherId: string
  teacherLabel: string
  /** the demo learner's account: joins the class today, their own history untouched */
  learnerId: string | null
  password: string
  now?: Date
}

export interface LivingDemoStats extends DemoClassWritten {
  /** distinct answers graded on the simulator */
  graded: number
  gradingMs: number
}

function answerText(exercise: Exercise, ref: AnswerRef): string {
  if (ref.kind === 'solution') return exercise.solution
  return ref.kind === 'right' ? exercise.rightAnswers[ref.index]!.source : exercise.wrongAnswers[ref.index]!.source
}

/** Grades each distinct answer once per language; what a learner's Submit would have stored for it. */
function answerGrader() {
  const cache = new Map<string, { source: string; result: GradeResult }>()
  let ms = 0
  return {
    grade(exercise: Exercise, ref: AnswerRef, lang: Locale) {
      const key = `${exercise.id}|${ref.kind}|${'index' in ref ? ref.index : ''}|${lang}`
      let graded = cache.get(key)
      if (!graded) {
        const started = performance.now()
        const text = answerText(exercise, ref)
        // the workspace sends a command exercise's commands, and the server stores them one per line
        const commands = exercise.kind === 'command' ? commandsFromText(text) : null
        const { result } = gradeExercise(exercise, commands ? { commands } : { yaml: text }, { lang })
        graded = { source: commands ? commands.join('\n') : text, result }
        cache.set(key, graded)
        ms += performance.now() - started
      }
      return graded
    },
    get count() {
      return cache.size
    },
    get ms() {
      return ms
    },
  }
}

export async function createLivingDemoClass(db: Db, input: LivingDemoInput): Promise<LivingDemoStats> {
  const course = findCourse(input.courseId)
  if (!course) throw new Error(`the Demo class's course ${input.courseId} is not in content/`)
  const now = input.now ?? new Date()
  const plan = planDemoClass(course.lessons, demoLearners, now)
  const grader = answerGrader()
  // one hash for the dozen accounts: they share the published demo password, and scrypt costs ~50 ms each
  const passwordHash = await hashPassword(input.password)

  const learners: DemoLearnerRows[] = plan.learners.map(({ learner, signedUpAt, joinedAt, lessons }) => {
    const rows: DemoLearnerRows = {
      email: learner.email,
      name: learner.name,
      locale: learner.locale,
      passwordHash,
      createdAt: signedUpAt,
      joinedAt,
      submissions: [],
      progress: [],
      quizzes: [],
    }
    for (const planned of lessons) {
      const lesson = course.lessons.find((l) => l.id === planned.lessonId)!
      const graded = planned.attempts.map((a) => ({ at: a.at, ...grader.grade(lesson.exercise!, a.answer, learner.locale) }))
      for (const g of graded) {
        rows.submissions.push({
          lessonId: lesson.id,
          exerciseId: lesson.exercise!.id,
          kind: lesson.exercise!.kind,
          source: g.source,
          passed: g.result.passed,
          score: g.result.score,
          result: g.result,
          durationMs: g.result.durationMs,
          createdAt: g.at,
        })
      }
      const firstPass = graded.find((g) => g.result.passed)
      rows.progress.push({
        lessonId: lesson.id,
        status: firstPass ? 'completed' : 'started',
        attempts: graded.length,
        bestScore: Math.max(0, ...graded.map((g) => g.result.score)),
        startedAt: planned.startedAt,
        completedAt: firstPass?.at ?? null,
        updatedAt: graded.at(-1)?.at ?? planned.startedAt,
      })
      for (const q of planned.quizzes) {
        const result = gradeQuiz(lesson.quiz!, q.answers, learner.locale)
        rows.quizzes.push({
          lessonId: lesson.id,
          quizId: q.quizId,
          answers: q.answers,
          score: result.score,
          correct: result.correct,
          total: result.total,
          createdAt: q.at,
        })
      }
    }
    return rows
  })

  const written = await writeDemoClass(db, {
    name: input.name,
    courseId: course.id,
    teacherId: input.teacherId,
    teacherLabel: input.teacherLabel,
    createdAt: plan.classCreatedAt,
    alsoEnrol: input.learnerId ? [input.learnerId] : [],
    learners,
    deadlines: plan.deadlines,
    comments: plan.comments.map((c) => ({
      email: c.learner,
      lessonId: c.attempt.lessonId,
      exerciseId: c.attempt.exerciseId,
      submittedAt: c.attempt.at,
      body: c.body,
      createdAt: c.createdAt,
      readAt: c.readAt,
    })),
  })
  return { ...written, graded: grader.count, gradingMs: Math.round(grader.ms) }
}
