import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { CliIO } from './main.ts'
import { parseArgs } from './args.ts'
import { checkContent } from '../content/check.ts'
import { contentRoot, findExercise, loadCourses } from '../content/load.ts'
import { scaffoldLesson, ScaffoldError } from '../content/scaffold.ts'

const usage = 'Usage: kubelab content list [--json] | content show EXERCISE_ID [--json] | content check [--json] | content new LESSON_ID [--course COURSE_ID] [--after LESSON_ID]\n'

/** The course folders under the content root, by course id (read from the folder's course.yaml name). */
function courseFolders(root: string): Map<string, string> {
  return new Map(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'course.yaml')))
      .map((entry) => [/^id:\s*(\S+)/m.exec(readFileSync(join(root, entry.name, 'course.yaml'), 'utf8'))?.[1] ?? entry.name, join(root, entry.name)] as const),
  )
}

function newLesson(lessonId: string | undefined, courseId: string | undefined, after: string | undefined, io: CliIO): number {
  if (!lessonId) {
    io.stderr(usage)
    return 2
  }
  const root = contentRoot()
  const courses = courseFolders(root)
  if (!courseId && courses.size !== 1) {
    io.stderr(`kubelab: say which course with --course (one of: ${[...courses.keys()].join(', ') || 'none yet'})\n`)
    return 2
  }
  const courseDir = courseId ? courses.get(courseId) : [...courses.values()][0]
  if (!courseDir) {
    io.stderr(`kubelab: no course "${courseId}" under ${root} (there are: ${[...courses.keys()].join(', ') || 'none'})\n`)
    return 2
  }
  try {
    const { dir, files } = scaffoldLesson({ courseDir, lessonId, after })
    io.stdout(`created ${relative(process.cwd(), dir) || dir}/ with ${files.join(', ')}, and listed it in course.yaml\n`)
    io.stdout('next: edit the pages and the exercise, then run `npm run -s kubelab -- content check` (docs/authoring.md)\n')
    return 0
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error
    io.stderr(`kubelab: ${error.message}\n`)
    return 2
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positionals, flags, options } = parseArgs(args, ['course', 'after'])
  const [sub, id] = positionals
  const json = flags.has('json')
  if (sub === 'list') {
    const courses = loadCourses().map((c) => ({
      id: c.id,
      title: c.title,
      lessons: c.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        exercises: l.exercise ? [{ id: l.exercise.id, kind: l.exercise.kind, title: l.exercise.title }] : [],
        quizzes: l.quiz ? [{ id: l.quiz.id, questions: l.quiz.questions.length }] : [],
      })),
    }))
    if (json) io.stdout(`${JSON.stringify({ courses })}\n`)
    else
      for (const c of courses) {
        io.stdout(`${c.id}: ${c.title.en}\n`)
        for (const [i, l] of c.lessons.entries()) io.stdout(`  ${String(i + 1).padStart(2)}. ${l.id} — ${l.title.en}${l.exercises.map((e) => ` [${e.kind} exercise ${e.id}]`).join('')}${l.quizzes.map((q) => ` [quiz ${q.id}: ${q.questions} questions]`).join('')}\n`)
      }
    return 0
  }
  if (sub === 'show' && id) {
    const found = findExercise(id)
    if (!found) {
      io.stderr(`kubelab: no exercise "${id}" (see \`kubelab content list\`)\n`)
      return 2
    }
    const data = { ...found.exercise, course: found.course.id, lesson: found.lesson.id }
    io.stdout(json ? `${JSON.stringify(data)}\n` : `${found.exercise.id} (${found.exercise.kind}) — ${found.exercise.title.en}\n\n${found.exercise.instructions.en}\n\nStarter:\n${found.exercise.starter}\nSolution:\n${found.exercise.solution}`)
    return 0
  }
  if (sub === 'new') return newLesson(id, options.get('course'), options.get('after'), io)
  if (sub === 'check') {
    const report = await checkContent()
    if (json) io.stdout(`${JSON.stringify(report)}\n`)
    else {
      for (const p of report.problems) io.stdout(`✗ ${p.where}: ${p.message}\n`)
      io.stdout(`${report.ok ? '✓' : '✗'} ${report.courses} course(s), ${report.lessons} lessons, ${report.exercises} exercises, ${report.quizzes} quizzes: ${report.problems.length} problem(s)\n`)
    }
    return report.ok ? 0 : 1
  }
  io.stderr(usage)
  return 2
}
