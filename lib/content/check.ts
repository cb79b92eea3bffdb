/**
 * `kubelab content check`: everything an author can get wrong, found before a learner does. Every lesson compiles
 * in both languages, ids are unique, reference solutions pass every check, starters fail at least one, each
 * known-wrong answer fails exactly the checks it names, and quiz keys point at real choices (the schema).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ContentError, loadCourses, type Course } from './load.ts'
import { compileMdxFile } from './mdx.ts'
import { caseProblem, proveExercise } from './prove.ts'

export interface ContentProblem {
  where: string
  message: string
}

export interface ContentCheckReport {
  ok: boolean
  courses: number
  lessons: number
  exercises: number
  quizzes: number
  problems: ContentProblem[]
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

async function checkCourse(course: Course, problems: ContentProblem[]): Promise<void> {
  for (const lesson of course.lessons) {
    const where = `${course.id}/${lesson.id}`
    for (const lang of ['ko', 'en'] as const) {
      const file = join(lesson.dir, `${lang}.mdx`)
      if (!existsSync(file)) {
        problems.push({ where, message: `${lang}.mdx is missing: every lesson is written in Korean and English` })
        continue
      }
      try {
        await compileMdxFile(file)
      } catch (error) {
        problems.push({ where: `${where}/${lang}.mdx`, message: `does not compile: ${(error as Error).message.split('\n')[0]}` })
      }
    }
    const exercise = lesson.exercise
    if (!exercise) continue
    for (const c of proveExercise(exercise).cases) {
      const problem = caseProblem(c)
      if (problem) problems.push({ where: `${where}/exercise ${exercise.id}`, message: problem })
    }
  }
}

export async function checkContent(root?: string): Promise<ContentCheckReport> {
  const problems: ContentProblem[] = []
  let courses: Course[] = []
  try {
    courses = loadCourses(root)
  } catch (error) {
    problems.push({ where: error instanceof ContentError ? error.file : 'content', message: (error as Error).message })
  }
  const lessons = courses.flatMap((c) => c.lessons)
  const exercises = lessons.flatMap((l) => (l.exercise ? [l.exercise] : []))
  const quizzes = lessons.flatMap((l) => (l.quiz ? [l.quiz] : []))
  for (const [what, ids] of [
    ['course', courses.map((c) => c.id)],
    ['exercise', exercises.map((e) => e.id)],
    ['quiz', quizzes.map((q) => q.id)],
  ] as const) {
    for (const id of duplicates([...ids])) problems.push({ where: `${what} ${id}`, message: `the ${what} id "${id}" is used more than once` })
  }
  for (const course of courses) await checkCourse(course, problems)
  return { ok: problems.length === 0, courses: courses.length, lessons: lessons.length, exercises: exercises.length, quizzes: quizzes.length, problems }
}
