import 'server-only'
import type { Localized } from '../content/schemas.ts'
import { solutionUnlocked } from '../grading/attempts.ts'
import type { CatalogCourse, CatalogLesson } from './course-catalog.ts'
import { dal } from './dal/index.ts'
import type { LessonProgressView } from './dal/progress.ts'
import type { Viewer } from './dal/viewer.ts'

/**
 * What a lesson or course page shows of one learner, asked by the page in the browser once it is on screen: the
 * pages themselves are prerendered and the same for everyone (ADR 0018). A visitor gets `{ signedIn: false }`: their
 * progress lives in their browser (lib/browser/visitor-work.ts).
 */
export type LessonProgress = Pick<LessonProgressView, 'lessonId' | 'status'>

/** A lesson as the course page, course map and lesson links show it. */
export interface OutlineLesson {
  id: string
  number: number
  title: Localized
  summary: Localized
  minutes: number
  exerciseId: string | null
}

/**
 * The course's lessons in order when it has published studio lessons, which the prerendered pages (file lessons
 * only, ADR 0018) cannot list; null when the course is its files alone and the page already shows it as it is.
 */
export interface WithOutline {
  outline: OutlineLesson[] | null
}

export type CourseState = ({ signedIn: false } | { signedIn: true; progress: LessonProgress[] }) & WithOutline

export type LessonState = (
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
) &
  WithOutline

const slim = (progress: LessonProgressView[]): LessonProgress[] => progress.map(({ lessonId, status }) => ({ lessonId, status }))

export function courseOutline(course: CatalogCourse): OutlineLesson[] | null {
  if (course.lessons.every((l) => l.source.kind === 'file')) return null
  return course.lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title,
    summary: l.summary,
    minutes: l.minutes,
    exerciseId: l.exercise?.id ?? null,
  }))
}

export async function courseState(viewer: Viewer | null, course: CatalogCourse): Promise<CourseState> {
  const outline = courseOutline(course)
  if (!viewer) return { signedIn: false, outline }
  return { signedIn: true, progress: slim(await dal().progress.courseProgress(viewer, course.id)), outline }
}

/** Marks the lesson started (the course map shows where the learner is), then reads what the lesson shows. */
export async function openLesson(
  viewer: Viewer | null,
  course: CatalogCourse,
  lesson: Pick<CatalogLesson, 'id' | 'exercise' | 'quiz'>,
): Promise<LessonState> {
  const outline = courseOutline(course)
  if (!viewer) return { signedIn: false, outline }
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
    exercise: attempts
      ? { attempts: attempts.attempts, solutionAvailable: solutionUnlocked(attempts), draft: draft ?? null, lastPass: lastPass ?? null }
      : null,
    quiz: quiz && { correct: quiz.correct, total: quiz.total, score: quiz.score },
    outline,
  }
}
