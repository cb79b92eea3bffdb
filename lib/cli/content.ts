import type { CliIO } from './main.ts'
import { parseArgs } from './args.ts'
import { checkContent } from '../content/check.ts'
import { findExercise, loadCourses } from '../content/load.ts'

const usage = 'Usage: kubelab content list [--json] | content show EXERCISE_ID [--json] | content check [--json]\n'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(args)
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
