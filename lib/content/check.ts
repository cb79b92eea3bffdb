/**
 * `kubelab content check`: everything an author can get wrong, found before a learner does. Every lesson compiles
 * in both languages, ids are unique, reference solutions and other right answers pass every check, starters fail
 * at least one, each known-wrong answer fails exactly the checks it names, quiz keys point at real choices (the
 * schema) and a question's `shows` names a demo and one of its `run:` steps. Its summary (how many right and wrong answers each exercise proves) is the table in the README.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ContentError, loadCourses, type Course } from './load.ts'
import { compileMdxFile } from './mdx.ts'
import { caseProblem, proveExercise } from './prove.ts'
import { showsProblems } from '../grading/quiz-shows.ts'

export interface ContentProblem {
  where: string
  message: string
}

/** What one exercise's proof covers: answers proved right (the reference solution among them) and proved wrong. */
export interface ExerciseProofSummary {
  course: string
  lesson: string
  exercise: string
  kind: 'manifest' | 'command'
  /** the reference solution and each of `rightAnswers` that passes every check */
  right: number
  /** each of `wrongAnswers` that fails exactly the checks it names */
  wrong: number
}

export interface ContentCheckReport {
  ok: boolean
  courses: number
  lessons: number
  exercises: number
  quizzes: number
  problems: ContentProblem[]
  summary: ExerciseProofSummary[]
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

/** The `<Term id="…">` ids an MDX page uses, in order (a `<Term>` without a literal id gives ''). */
export function termIds(mdx: string): string[] {
  return [...mdx.matchAll(/<Term\b([^>]*)>/g)].map(
    (m) =>
      /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/
        .exec(m[1]!)
        ?.slice(1)
        .find((v) => v !== undefined) ?? '',
  )
}

/** Every `<Term>` names a term of the course's glossary.yaml. */
function checkTerms(course: Course, lessonWhere: string, lang: string, mdx: string, problems: ContentProblem[]): void {
  const known = new Set(course.glossary.map((t) => t.id))
  for (const id of new Set(termIds(mdx))) {
    if (known.has(id)) continue
    const message = !id
      ? '<Term> needs a literal id: <Term id="pod">Pod</Term>'
      : course.glossary.length === 0
        ? `<Term id="${id}"> but the course has no glossary.yaml`
        : `<Term id="${id}"> names no term of glossary.yaml (add the term there, or use one of its ids)`
    problems.push({ where: `${lessonWhere}/${lang}.mdx`, message })
  }
}

async function checkCourse(course: Course, problems: ContentProblem[], summary: ExerciseProofSummary[]): Promise<void> {
  for (const lesson of course.lessons) {
    const where = `${course.id}/${lesson.id}`
    for (const lang of ['ko', 'en'] as const) {
      const file = join(lesson.dir, `${lang}.mdx`)
      if (!existsSync(file)) {
        problems.push({ where, message: `${lang}.mdx is missing: every lesson is written in Korean and English` })
        continue
      }
      checkTerms(course, where, lang, readFileSync(file, 'utf8'), problems)
      try {
        await compileMdxFile(file)
      } catch (error) {
        problems.push({ where: `${where}/${lang}.mdx`, message: `does not compile: ${(error as Error).message.split('\n')[0]}` })
      }
    }
    // a predict-what-happens question shows a step of one of the course's demos: that demo and step must exist
    if (lesson.quiz) {
      const demo = (id: string) => {
        const file = join(course.dir, 'demos', `${id}.scenario.yaml`)
        return existsSync(file) ? readFileSync(file, 'utf8') : null
      }
      for (const message of showsProblems(lesson.quiz, demo)) problems.push({ where: `${where}/quiz ${lesson.quiz.id}`, message })
    }
    const exercise = lesson.exercise
    if (!exercise) continue
    const { cases } = proveExercise(exercise)
    for (const c of cases) {
      const problem = caseProblem(c)
      if (problem) problems.push({ where: `${where}/exercise ${exercise.id}`, message: problem })
    }
    const proved = (kinds: string[]) => cases.filter((c) => c.ok && kinds.includes(c.kind)).length
    summary.push({
      course: course.id,
      lesson: lesson.id,
      exercise: exercise.id,
      kind: exercise.kind,
      right: proved(['solution', 'right']),
      wrong: proved(['wrong']),
    })
  }
}

export async function checkContent(root?: string): Promise<ContentCheckReport> {
  const problems: ContentProblem[] = []
  const summary: ExerciseProofSummary[] = []
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
    for (const id of duplicates([...ids]))
      problems.push({ where: `${what} ${id}`, message: `the ${what} id "${id}" is used more than once` })
  }
  for (const course of courses) await checkCourse(course, problems, summary)
  return {
    ok: problems.length === 0,
    courses: courses.length,
    lessons: lessons.length,
    exercises: exercises.length,
    quizzes: quizzes.length,
    problems,
    summary,
  }
}

/** The summary as the README shows it: one row per exercise, in course order, and the totals. */
export function proofSummaryTable(summary: ExerciseProofSummary[]): string {
  const rows = summary.map((s) => `| ${s.course}/${s.lesson} | \`${s.exercise}\` | ${s.kind} | ${s.right} | ${s.wrong} |`)
  const total = (key: 'right' | 'wrong') => summary.reduce((sum, s) => sum + s[key], 0)
  return [
    '| Lesson | Exercise | Kind | Right answers proved (solution included) | Wrong answers proved |',
    '|---|---|---|---:|---:|',
    ...rows,
    `| **${summary.length} exercises** | | | **${total('right')}** | **${total('wrong')}** |`,
  ].join('\n')
}

const SUMMARY_START =
  '<!-- proof-summary: written by `npm run -s kubelab -- content check --summary --write-readme`; do not edit by hand -->'
const SUMMARY_END = '<!-- /proof-summary -->'

/** The README's proof summary (the text between its markers), or null when it has none. */
export function readmeProofSummary(readme: string): string | null {
  const start = readme.indexOf(SUMMARY_START)
  const end = readme.indexOf(SUMMARY_END)
  return start < 0 || end < start ? null : readme.slice(start + SUMMARY_START.length, end).trim()
}

/** The README with its proof summary replaced by this table. */
export function withProofSummary(readme: string, table: string): string {
  const start = readme.indexOf(SUMMARY_START)
  const end = readme.indexOf(SUMMARY_END)
  if (start < 0 || end < start) throw new Error(`README.md has no proof summary markers (${SUMMARY_START} … ${SUMMARY_END})`)
  return `${readme.slice(0, start + SUMMARY_START.length)}\n${table}\n${readme.slice(end)}`
}
