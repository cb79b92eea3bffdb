import 'server-only'
import type { Course, Lesson } from '@/lib/content/load'
import { solutionUnlocked } from '@/lib/grading/attempts'
import { dal } from './dal/index.ts'
import type { LessonProgressView } from './dal/progress.ts'
import type { Viewer } from './dal/viewer.ts'

/**
 * What a lesson or course page shows of one learner, asked by the page in the browser once it is on screen: the
 * pages themselves are prerendered and the same for everyone (ADR 0018). A visitor gets `{ signedIn: false }`: their
 * progress lives in their browser (lib/browser/visitor-work.ts).
 */
export type LessonProgress = Pick<LessonProgressView, 'lessonId' | 'status'>

export type CourseState = { signedIn: false } | { signedIn: true; progress: LessonProgress[] }

export type LessonState =
  | { signedIn: false }
  | {
      signedIn: true
      /** the course's lessons this learner touched, the last touched first */
      progress: LessonProgress[]
      exercise: {
        attempts: number
        solutionAvailable: boolean
        draft: string | null
        lastPass: { at: string; score: number; checks: { id: string; passed: boolean }[] } | null
      } | null
      quiz: { correct: number; total: number; score: number } | null
    }

const slim = (progress: LessonProgressView[]): LessonProgress[] => progress.map(({ lessonId, status }) => ({ lessonId, status }))

export async function courseState(viewer: Viewer | null, course: Course): Promise<CourseState> {
  if (!viewer) return { signedIn: false }
  return { signedIn: true, progress: slim(await dal().progress.courseProgress(viewer, course.id)) }
}

/** Marks the lesson started (the course map shows where the learner is), then reads what the lesson shows. */
export async function openLesson(viewer: Viewer | null, course: Course, lesson: Lesson): Promise<LessonState> {
  if (!viewer) return { signedIn: false }
  await dal().progress.touchLesson(viewer, course.id, lesson.id)
  const exerciseId = lesson.exercise?.id
  const [progress, attempts, draft, lastPass, quiz] = await Promise.all([
    dal().progress.courseProgress(viewer, course.id),
    exerciseId ? dal().progress.exerciseAttempts(viewer, exerciseId) : undefined,
    exerciseId ? dal().drafts.load(viewer, exerciseId) : null,
    exerciseId ? dal().progress.lastPass(viewer, exerciseId) : null,
    lesson.quiz ? dal().quizzes.bestAttempt(viewer, lesson.quiz.id) : null,
  ])
  return {
    signedIn: true,
    progress: slim(progress),
    exercise: attempts ? { attempts: attempts.attempts, solutionAvailable: solutionUnlocked(attempts), draft: draft ?? null, lastPass: lastPass ?? null } : null,
    quiz: quiz && { correct: quiz.correct, total: quiz.total, score: quiz.score },
  }
}
