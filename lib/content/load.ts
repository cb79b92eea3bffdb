/**
 * Reads courses from content/ and validates every file with its zod schema. Server-only (node:fs).
 * Layout: content/<course>/course.yaml, content/<course>/lessons/<NN>-<lesson>/{lesson.yaml,ko.mdx,en.mdx,quiz.yaml,exercise.yaml}.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import type { ZodType } from 'zod'
import { exerciseSchema, type Exercise } from '../grading/exercise-schema.ts'
import {
  courseSchema,
  glossarySchema,
  lessonSchema,
  quizSchema,
  type CourseFile,
  type Glossary,
  type LessonFile,
  type Quiz,
} from './schemas.ts'

export interface Lesson extends LessonFile {
  courseId: string
  number: number
  dir: string
  exercise: Exercise | null
  quiz: Quiz | null
}

export interface Course extends Omit<CourseFile, 'lessons'> {
  dir: string
  lessons: Lesson[]
  /** glossary.yaml's terms (the file is optional: none when it is absent) */
  glossary: Glossary['terms']
}

export type GlossaryTerm = Glossary['terms'][number]

export class ContentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`)
  }
}

export function contentRoot(): string {
  // Content ships beside the app, not inside the server bundle; tell the bundler not to trace this path.
  return resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.KUBELAB_CONTENT_DIR ?? 'content')
}

/** A YAML text checked with its zod schema; `name` says where it came from in the error (a file, or a studio text). */
export function parseYamlText<T>(text: string, schema: ZodType<T>, name: string): T {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    throw new ContentError(name, `not valid YAML: ${(error as Error).message}`)
  }
  const result = schema.safeParse(data)
  if (!result.success) {
    throw new ContentError(name, result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '))
  }
  return result.data
}

function readYaml<T>(file: string, schema: ZodType<T>): T {
  return parseYamlText(readFileSync(file, 'utf8'), schema, file)
}

function loadLesson(courseId: string, lessonsDir: string, dirName: string): Lesson {
  const dir = join(lessonsDir, dirName)
  const meta = readYaml(join(dir, 'lesson.yaml'), lessonSchema)
  // the course's glossary page lives at /courses/<course>/glossary, beside the lessons' addresses
  if (meta.id === 'glossary')
    throw new ContentError(join(dir, 'lesson.yaml'), 'the lesson id "glossary" is taken by the course\'s glossary page: choose another')
  const match = /^(\d+)-(.+)$/.exec(dirName)
  if (!match || match[2] !== meta.id) throw new ContentError(join(dir, 'lesson.yaml'), `folder must be named <NN>-${meta.id}`)
  const exerciseFile = join(dir, 'exercise.yaml')
  const quizFile = join(dir, 'quiz.yaml')
  return {
    ...meta,
    courseId,
    number: Number(match[1]),
    dir,
    exercise: existsSync(exerciseFile) ? readYaml(exerciseFile, exerciseSchema) : null,
    quiz: existsSync(quizFile) ? readYaml(quizFile, quizSchema) : null,
  }
}

export function loadCourse(courseDir: string): Course {
  const meta = readYaml(join(courseDir, 'course.yaml'), courseSchema)
  const lessonsDir = join(courseDir, 'lessons')
  const byId = new Map(
    readdirSync(lessonsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => loadLesson(meta.id, lessonsDir, e.name))
      .map((l) => [l.id, l] as const),
  )
  const lessons = meta.lessons.map((id) => {
    const lesson = byId.get(id)
    if (!lesson) throw new ContentError(join(courseDir, 'course.yaml'), `lists lesson "${id}" but there is no lessons/<NN>-${id}/ folder`)
    return lesson
  })
  const glossaryFile = join(courseDir, 'glossary.yaml')
  const glossary = existsSync(glossaryFile) ? readYaml(glossaryFile, glossarySchema).terms : []
  for (const [i, term] of glossary.entries()) {
    if (!meta.lessons.includes(term.lesson))
      throw new ContentError(
        glossaryFile,
        `terms.${i}.lesson: term "${term.id}" names lesson "${term.lesson}", which course.yaml does not list`,
      )
  }
  return { ...meta, dir: courseDir, lessons, glossary }
}

let cache: { root: string; courses: Course[] } | undefined

/** Every course, loaded once per process (content is part of the build; restart to pick up edits). */
export function loadCourses(root = contentRoot()): Course[] {
  if (cache?.root === root && process.env.NODE_ENV === 'production') return cache.courses
  const courses = readdirSync(/*turbopackIgnore: true*/ root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(/*turbopackIgnore: true*/ join(root, e.name, 'course.yaml')))
    .map((e) => loadCourse(join(/*turbopackIgnore: true*/ root, e.name)))
  cache = { root, courses }
  return courses
}

export function findCourse(courseId: string): Course | undefined {
  return loadCourses().find((c) => c.id === courseId)
}

export function findLesson(courseId: string, lessonId: string): Lesson | undefined {
  return findCourse(courseId)?.lessons.find((l) => l.id === lessonId)
}

export function findExercise(exerciseId: string): { course: Course; lesson: Lesson; exercise: Exercise } | undefined {
  for (const course of loadCourses()) {
    for (const lesson of course.lessons) {
      if (lesson.exercise?.id === exerciseId) return { course, lesson, exercise: lesson.exercise }
    }
  }
  return undefined
}

export function findQuiz(quizId: string): { course: Course; lesson: Lesson; quiz: NonNullable<Lesson['quiz']> } | undefined {
  for (const course of loadCourses()) {
    for (const lesson of course.lessons) {
      if (lesson.quiz?.id === quizId) return { course, lesson, quiz: lesson.quiz }
    }
  }
  return undefined
}
