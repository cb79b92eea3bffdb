/**
 * The publish gate for a studio lesson (issue 14, ADR 0020): every reason the lesson cannot go to learners, in the
 * author's two languages, or none. The same rules as `kubelab content check` for a file lesson — lesson.yaml,
 * exercise.yaml and quiz.yaml parse, both pages compile, the exercise is proven, ids are the lesson's own — plus the
 * untrusted-page check first: a page that fails it never reaches the compiler.
 */
import { parse } from 'yaml'
import type { ZodError, ZodType } from 'zod'
import { exerciseSchema, type Exercise } from '../grading/exercise-schema.ts'
import { compileMdx } from './mdx.ts'
import { caseProblem, proveExercise, type ExerciseProof } from './prove.ts'
import { lessonSchema, quizSchema, type Localized, type Quiz } from './schemas.ts'
import type { LessonTexts } from './lesson-folder.ts'
import { withParticle } from '../text/korean-particles.ts'

export interface GateProblem {
  /** which text: lesson.yaml, ko.mdx, en.mdx, exercise.yaml, quiz.yaml */
  file: string
  line?: number
  column?: number
  message: Localized
}

/** A problem with one page; without a line when it concerns the page as a whole (e.g. it took too long to check). */
export interface PageProblem {
  line?: number
  column?: number
  message: Localized
}

/** What the untrusted-page check says about one page (lib/content/untrusted-mdx.ts). */
export type PageCheck = (source: string) => PageProblem[]

export interface GateContext {
  lessonId: string
  /** exercise and quiz ids used by the other lessons (file and studio), which this lesson may not take */
  takenIds: ReadonlySet<string>
  checkPage: PageCheck
}

export interface GateResult {
  ok: boolean
  problems: GateProblem[]
  /** the exercise's proof, when the exercise parsed: shown case by case in the studio */
  proof: ExerciseProof | null
}

function zodProblems(file: string, error: ZodError): GateProblem[] {
  return error.issues.slice(0, 20).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top)'
    return { file, message: { ko: `${where}: ${issue.message}`, en: `${where}: ${issue.message}` } }
  })
}

function parseText<T>(file: string, text: string, schema: ZodType<T>, problems: GateProblem[]): T | null {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    const position = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0]
    const reason = (error as Error).message.split('\n')[0]!
    problems.push({
      file,
      line: position?.line,
      column: position?.col,
      message: { ko: `YAML로 읽을 수 없습니다: ${reason}`, en: `This is not valid YAML: ${reason}` },
    })
    return null
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error))
    return null
  }
  return parsed.data
}

/** How many of a page's untrusted-page problems are listed; the rest are counted. */
export const pageProblemsShown = 50

/** Every `<Quiz id="…">` a page names. */
function quizIdsIn(page: string): string[] {
  return [...page.matchAll(/<Quiz\s+id="([^"]*)"/g)].map((m) => m[1]!)
}

/** A page compiled, or why not: `refused` when the untrusted-page check refused it, so it was never compiled. */
export type PageOutcome = { ok: true; code: string } | { ok: false; refused: boolean; problems: PageProblem[] }

/**
 * One page as the gate and the studio's preview take it: the untrusted-page check first, and only a page it passes
 * is compiled (the compiler would run what the check refused).
 */
export async function checkAndCompilePage(source: string, checkPage: PageCheck): Promise<PageOutcome> {
  const unsafe = checkPage(source)
  if (unsafe.length > 0) {
    // A page of `{x}` repeated has thousands of problems; the first ones say what to fix
    const problems = unsafe
      .slice(0, pageProblemsShown)
      .map(({ line, column, message }): PageProblem => (line === undefined ? { message } : { line, column, message }))
    const more = unsafe.length - pageProblemsShown
    if (more > 0)
      problems.push({ message: { ko: `같은 종류의 문제가 ${more}개 더 있습니다.`, en: `${more} more problems of the same kinds.` } })
    return { ok: false, refused: true, problems }
  }
  try {
    return { ok: true, code: await compileMdx(source) }
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!
    return {
      ok: false,
      refused: false,
      problems: [{ message: { ko: `페이지를 만들 수 없습니다: ${reason}`, en: `The page does not compile: ${reason}` } }],
    }
  }
}

export async function publishProblems(texts: LessonTexts, context: GateContext): Promise<GateResult> {
  const problems: GateProblem[] = []

  const lesson = parseText('lesson.yaml', texts.lessonYaml, lessonSchema, problems)
  if (lesson && lesson.id !== context.lessonId) {
    problems.push({
      file: 'lesson.yaml',
      message: {
        ko: `id는 이 레슨의 id인 ${withParticle(context.lessonId, '이어야/여야')} 합니다. 지금 쓴 id: ${lesson.id}`,
        en: `The id must be this lesson's id, ${context.lessonId}; it is ${lesson.id}.`,
      },
    })
  }

  const exercise: Exercise | null =
    texts.exerciseYaml === null ? null : parseText('exercise.yaml', texts.exerciseYaml, exerciseSchema, problems)
  const quiz: Quiz | null = texts.quizYaml === null ? null : parseText('quiz.yaml', texts.quizYaml, quizSchema, problems)
  for (const [file, id] of [
    ['exercise.yaml', exercise?.id],
    ['quiz.yaml', quiz?.id],
  ] as const) {
    if (id && context.takenIds.has(id))
      problems.push({
        file,
        message: {
          ko: `다른 레슨이 이미 id ${withParticle(id, '을/를')} 씁니다. 이 레슨만의 id를 쓰세요.`,
          en: `Another lesson already uses the id ${id}; give this one its own.`,
        },
      })
  }

  for (const [file, page] of [
    ['ko.mdx', texts.pageKo],
    ['en.mdx', texts.pageEn],
  ] as const) {
    const compiled = await checkAndCompilePage(page, context.checkPage)
    if (!compiled.ok) problems.push(...compiled.problems.map((p) => ({ file, ...p })))
    if (!compiled.ok && compiled.refused) continue
    for (const id of quizIdsIn(page)) {
      if (id !== quiz?.id)
        problems.push({
          file,
          message: {
            ko: `이 레슨의 quiz.yaml에는 <Quiz id="${id}" />의 퀴즈가 없습니다.`,
            en: `<Quiz id="${id}" /> names a quiz this lesson's quiz.yaml does not have.`,
          },
        })
    }
  }

  let proof: ExerciseProof | null = null
  if (exercise) {
    proof = proveExercise(exercise)
    // the checks' messages are in the proof's language: a failed proof is proved again in Korean for the Korean text
    const korean = proof.ok ? null : proveExercise(exercise, 'ko')
    proof.cases.forEach((c, i) => {
      const problem = caseProblem(c)
      if (problem)
        problems.push({
          file: 'exercise.yaml',
          message: { ko: `증명 실패 — ${caseProblem(korean!.cases[i]!, 'ko')}`, en: `Proof failed — ${problem}` },
        })
    })
  }
  return { ok: problems.length === 0, problems, proof }
}
