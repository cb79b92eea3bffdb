import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import { checkContent, proofSummaryTable, withProofSummary } from '../content/check.ts'
import { contentRoot, findExercise, loadCourses } from '../content/load.ts'
import { exercisesMarkdown } from '../content/exercises-doc.ts'
import { scaffoldLesson, ScaffoldError } from '../content/scaffold.ts'
import { LessonFolderError, readLessonFolder, writeLessonFolder } from '../content/lesson-folder.ts'
import { cliActor } from '../server/dal/audit.ts'
import { studioLessonOperations } from '../server/dal/studio-lessons.ts'
import { withDatabase } from './database.ts'
import { parse } from 'yaml'

const usage = [
  'Usage: kubelab content list [--lang ko|en] [--json] | content show EXERCISE_ID [--json] | content check [--json] [--summary] [--write-readme] [--write-exercises]',
  '       kubelab content new LESSON_ID [--course COURSE_ID] [--after LESSON_ID]      a file lesson that passes check',
  '       kubelab content import DIR [--course COURSE_ID] [--replace]                   a lesson folder as a studio draft',
  '       kubelab content export LESSON_ID DIR [--course COURSE_ID] [--published] [--force]',
  '',
].join('\n')

const spec = defineCommand({
  command: 'content',
  usage,
  options: {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    summary: { type: 'boolean' },
    'write-readme': { type: 'boolean' },
    'write-exercises': { type: 'boolean' },
    course: { type: 'string' },
    after: { type: 'string' },
    replace: { type: 'boolean' },
    published: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  subcommands: {
    list: ['lang', 'json'],
    show: ['json'],
    check: ['json', 'summary', 'write-readme', 'write-exercises'],
    new: ['course', 'after'],
    import: ['course', 'replace'],
    export: ['course', 'published', 'force'],
  },
})

interface CourseFolder {
  dir: string
  /** the file lessons course.yaml lists */
  lessons: unknown[]
}

/** A course.yaml's data, or null when it does not parse (`content check` says what is wrong with it). */
function readCourseYaml(file: string): { id?: unknown; lessons?: unknown } | null {
  try {
    return parse(readFileSync(file, 'utf8')) as { id?: unknown; lessons?: unknown } | null
  } catch {
    return null
  }
}

/**
 * The course folders under the content root, by the id their course.yaml gives (the folder's name when it gives
 * none). Read leniently, not through loadCourses: a half-written lesson elsewhere must not stop `content new`.
 */
function courseFolders(root: string): Map<string, CourseFolder> {
  const courses = new Map<string, CourseFolder>()
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const file = join(root, entry.name, 'course.yaml')
    if (!entry.isDirectory() || !existsSync(file)) continue
    const course = readCourseYaml(file)
    courses.set(typeof course?.id === 'string' ? course.id : entry.name, {
      dir: join(root, entry.name),
      lessons: Array.isArray(course?.lessons) ? course.lessons : [],
    })
  }
  return courses
}

function newLesson(lessonId: string | undefined, courseId: string | undefined, after: string | undefined, io: CliIO): number {
  if (!lessonId) return usageError(io, spec, '"content new" takes a LESSON_ID', false)
  const course = pickCourse(courseId, io)
  if (!course) return 2
  const courseDir = course.dir
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

/** The course a command means: the one named, or the only one; an error line otherwise. */
function pickCourse(courseId: string | undefined, io: CliIO): (CourseFolder & { id: string }) | null {
  const root = contentRoot()
  const courses = courseFolders(root)
  if (!courseId && courses.size !== 1) {
    io.stderr(`kubelab: say which course with --course (one of: ${[...courses.keys()].join(', ') || 'none yet'})\n`)
    return null
  }
  const id = courseId ?? [...courses.keys()][0]!
  const course = courses.get(id)
  if (!course) {
    io.stderr(`kubelab: no course "${id}" under ${root} (there are: ${[...courses.keys()].join(', ') || 'none'})\n`)
    return null
  }
  return { id, ...course }
}

async function importLesson(dir: string | undefined, courseId: string | undefined, replace: boolean, io: CliIO): Promise<number> {
  if (!dir) return usageError(io, spec, '"content import" takes a DIR', false)
  const course = pickCourse(courseId, io)
  if (!course) return 2
  let folder: ReturnType<typeof readLessonFolder>
  try {
    folder = readLessonFolder(dir)
  } catch (error) {
    if (!(error instanceof LessonFolderError)) throw error
    io.stderr(`kubelab: ${error.message}\n`)
    return 2
  }
  if (course.lessons.includes(folder.lessonId)) {
    io.stderr(`kubelab: the course ${course.id} has a file lesson "${folder.lessonId}"; give the studio lesson another id in lesson.yaml\n`)
    return 2
  }
  return withDatabase(io, 'content import', async (db) => {
    const outcome = await studioLessonOperations(db).importDraft(cliActor, {
      courseId: course.id,
      lessonId: folder.lessonId,
      texts: folder.texts,
      replace,
      fileLessonIds: course.lessons.map(String),
    })
    if (outcome === 'exists') {
      io.stderr(
        `kubelab: the studio already has a lesson "${folder.lessonId}" in ${course.id}; add --replace to make this folder its draft\n`,
      )
      return 1
    }
    io.stdout(
      `${outcome === 'created' ? 'imported' : 'replaced the draft of'} ${course.id}/${folder.lessonId} as a studio draft, last in the course (not published: prove and publish it in the studio, where the arrows move it)\n`,
    )
    return 0
  })
}

async function exportLesson(
  lessonId: string | undefined,
  dir: string | undefined,
  courseId: string | undefined,
  published: boolean,
  force: boolean,
  io: CliIO,
): Promise<number> {
  if (!lessonId || !dir) return usageError(io, spec, '"content export" takes a LESSON_ID and a DIR', false)
  return withDatabase(io, 'content export', async (db) => {
    const operations = studioLessonOperations(db)
    let course = courseId
    if (!course) {
      const courses = await operations.coursesWith(lessonId)
      if (courses.length !== 1) {
        io.stderr(
          courses.length === 0
            ? `kubelab: the studio has no lesson "${lessonId}"\n`
            : `kubelab: several courses have a studio lesson "${lessonId}": say which with --course (${courses.join(', ')})\n`,
        )
        return courses.length === 0 ? 1 : 2
      }
      course = courses[0]!
    }
    const texts = await operations.texts(course, lessonId, published ? 'published' : 'draft')
    if (!texts) {
      io.stderr(
        published
          ? `kubelab: ${course}/${lessonId} has no published version\n`
          : `kubelab: the studio has no lesson "${lessonId}" in ${course}\n`,
      )
      return 1
    }
    try {
      const files = writeLessonFolder(dir, texts, force)
      io.stdout(`wrote the ${published ? 'published version' : 'draft'} of ${course}/${lessonId} to ${dir}: ${files.join(', ')}\n`)
      return 0
    } catch (error) {
      if (!(error instanceof LessonFolderError)) throw error
      io.stderr(`kubelab: ${error.message}\n`)
      return 2
    }
  })
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { positionals, values, json } = parsed
  const [sub, id] = positionals
  if (sub === 'list') {
    const lang = values.lang ?? 'en'
    if (lang !== 'ko' && lang !== 'en') return usageError(io, spec, `--lang must be ko or en, not ${JSON.stringify(lang)}`, json)
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
        io.stdout(`${c.id}: ${c.title[lang]}\n`)
        for (const [i, l] of c.lessons.entries())
          io.stdout(
            `  ${String(i + 1).padStart(2)}. ${l.id} — ${l.title[lang]}${l.exercises.map((e) => ` [${e.kind} exercise ${e.id}]`).join('')}${l.quizzes.map((q) => ` [quiz ${q.id}: ${q.questions} questions]`).join('')}\n`,
          )
      }
    return 0
  }
  if (sub === 'show') {
    if (!id) return usageError(io, spec, '"content show" takes an EXERCISE_ID', json)
    const found = findExercise(id)
    if (!found) {
      io.stderr(`kubelab: no exercise "${id}" (see \`kubelab content list\`)\n`)
      return 2
    }
    const data = { ...found.exercise, course: found.course.id, lesson: found.lesson.id }
    io.stdout(
      json
        ? `${JSON.stringify(data)}\n`
        : `${found.exercise.id} (${found.exercise.kind}) — ${found.exercise.title.en}\n\n${found.exercise.instructions.en}\n\nStarter:\n${found.exercise.starter}\nSolution:\n${found.exercise.solution}`,
    )
    return 0
  }
  if (sub === 'new') return newLesson(id, values.course, values.after, io)
  if (sub === 'import') return importLesson(id, values.course, values.replace === true, io)
  if (sub === 'export') return exportLesson(id, positionals[2], values.course, values.published === true, values.force === true, io)
  // check (parseCommand has answered any other subcommand)
  const report = await checkContent()
  const right = report.summary.reduce((sum, s) => sum + s.right, 0)
  const wrong = report.summary.reduce((sum, s) => sum + s.wrong, 0)
  if (json) io.stdout(`${JSON.stringify(report)}\n`)
  else {
    for (const p of report.problems) io.stdout(`✗ ${p.where}: ${p.message}\n`)
    io.stdout(
      `${report.ok ? '✓' : '✗'} ${report.courses} course(s), ${report.lessons} lessons, ${report.exercises} exercises (${right} right and ${wrong} wrong answers proved), ${report.quizzes} quizzes: ${report.problems.length} problem(s)\n`,
    )
    if (values.summary) io.stdout(`\n${proofSummaryTable(report.summary)}\n`)
  }
  if (values['write-readme']) {
    // only a course that is proven may say so in the README
    if (!report.ok) {
      io.stderr('kubelab: README.md not written: the content has problems (above)\n')
      return 1
    }
    const file = join(process.cwd(), 'README.md')
    writeFileSync(file, withProofSummary(readFileSync(file, 'utf8'), proofSummaryTable(report.summary)))
    io.stdout('README.md: proof summary written\n')
  }
  if (values['write-exercises']) {
    // each course's EXERCISES.md, from its exercise files (lib/content/exercises-doc.ts), once they are proven
    if (!report.ok) {
      io.stderr('kubelab: EXERCISES.md not written: the content has problems (above)\n')
      return 1
    }
    for (const course of loadCourses()) {
      const file = join(course.dir, 'EXERCISES.md')
      writeFileSync(file, exercisesMarkdown(course, existsSync(file) ? readFileSync(file, 'utf8') : null))
      io.stdout(`${relative(process.cwd(), file)}: written\n`)
    }
  }
  return report.ok ? 0 : 1
}
