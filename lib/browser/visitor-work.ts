/**
 * What a visitor did before signing in, kept in this browser until it is imported into their new account.
 *
 * Nothing here is trusted by the server: an import sends the *answers* (YAML, commands, quiz choices) and the
 * server grades them again. The grades kept here only drive what this browser shows (the course map, a passed
 * lesson's result) until the visitor signs in. Drafts live under their own keys (`kubelab:draft:<exerciseId>`),
 * written by the workspace for everyone; `visitorDrafts` reads them for the import.
 */
import type { Locale } from '../../i18n/locales.ts'

export const visitorWorkKey = 'kubelab:visitor-work:v1'
export const draftKeyPrefix = 'kubelab:draft:'
export const draftKey = (exerciseId: string) => `${draftKeyPrefix}${exerciseId}`

/** The part of `Storage` used here, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

export interface VisitorAttempt {
  courseId: string
  lessonId: string
  exerciseId: string
  kind: 'manifest' | 'command'
  /** YAML for a manifest exercise, the typed commands for a command exercise */
  answer: string | string[]
  passed: boolean
  score: number
  /** the checks' verdicts, for the result a passed lesson shows when reopened (this browser only) */
  checks?: { id: string; passed: boolean }[]
  /** ISO time of the attempt */
  at: string
}

export interface VisitorExercise {
  /** the best attempt: the last passing one, or the last one when none passed */
  best: VisitorAttempt
  attempts: number
}

export interface VisitorQuiz {
  courseId: string
  lessonId: string
  quizId: string
  answers: Record<string, string | boolean | string[]>
  score: number
  at: string
}

export interface VisitorWork {
  version: 1
  /** by exercise id */
  exercises: Record<string, VisitorExercise>
  /** by quiz id: the best-scoring attempt */
  quizzes: Record<string, VisitorQuiz>
  /** `courseId/lessonId` → ISO time first opened */
  lessons: Record<string, string>
}

const empty = (): VisitorWork => ({ version: 1, exercises: {}, quizzes: {}, lessons: {} })

// Caps keep a long anonymous session from filling the browser's storage (and the import request).
const maxAnswerChars = 64 * 1024
const maxEntries = 200

function defaultStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null // storage disabled (privacy settings): visitors are still graded, nothing is kept
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readVisitorWork(store: KeyValueStore | null = defaultStore()): VisitorWork {
  if (!store) return empty()
  try {
    const parsed: unknown = JSON.parse(store.getItem(visitorWorkKey) ?? 'null')
    if (!isRecord(parsed) || parsed.version !== 1) return empty()
    return {
      version: 1,
      exercises: isRecord(parsed.exercises) ? (parsed.exercises as VisitorWork['exercises']) : {},
      quizzes: isRecord(parsed.quizzes) ? (parsed.quizzes as VisitorWork['quizzes']) : {},
      lessons: isRecord(parsed.lessons) ? (parsed.lessons as VisitorWork['lessons']) : {},
    }
  } catch {
    return empty()
  }
}

/** Dispatched on `window` when this tab changes the visitor's work (other tabs get the `storage` event). */
export const visitorWorkChanged = 'kubelab:visitor-work-changed'

function write(work: VisitorWork, store: KeyValueStore | null): void {
  if (!store) return
  try {
    store.setItem(visitorWorkKey, JSON.stringify(work))
  } catch {
    // quota exceeded: keep what was there rather than fail the learner's action
    return
  }
  if (typeof window !== 'undefined' && store === defaultStore()) window.dispatchEvent(new Event(visitorWorkChanged))
}

const tooMany = (record: Record<string, unknown>, id: string) => !(id in record) && Object.keys(record).length >= maxEntries

export function recordVisitorAttempt(attempt: VisitorAttempt, store: KeyValueStore | null = defaultStore()): void {
  const size = typeof attempt.answer === 'string' ? attempt.answer.length : attempt.answer.join('\n').length
  if (size > maxAnswerChars) return
  const work = readVisitorWork(store)
  if (tooMany(work.exercises, attempt.exerciseId)) return
  const previous = work.exercises[attempt.exerciseId]
  const keepPrevious = previous?.best.passed === true && !attempt.passed
  work.exercises[attempt.exerciseId] = { best: keepPrevious ? previous.best : attempt, attempts: (previous?.attempts ?? 0) + 1 }
  work.lessons[`${attempt.courseId}/${attempt.lessonId}`] ??= attempt.at
  write(work, store)
}

export function recordVisitorQuiz(quiz: VisitorQuiz, store: KeyValueStore | null = defaultStore()): void {
  const work = readVisitorWork(store)
  if (tooMany(work.quizzes, quiz.quizId)) return
  const previous = work.quizzes[quiz.quizId]
  if (!previous || quiz.score >= previous.score) work.quizzes[quiz.quizId] = quiz
  work.lessons[`${quiz.courseId}/${quiz.lessonId}`] ??= quiz.at
  write(work, store)
}

export function recordVisitorLessonVisit(
  courseId: string,
  lessonId: string,
  at = new Date().toISOString(),
  store: KeyValueStore | null = defaultStore(),
): void {
  const work = readVisitorWork(store)
  const key = `${courseId}/${lessonId}`
  if (key in work.lessons || tooMany(work.lessons, key)) return
  work.lessons[key] = at
  write(work, store)
}

/** Lesson status as this browser knows it: completed when its exercise was passed. */
export function visitorLessonStatus(
  work: VisitorWork,
  courseId: string,
  lessonId: string,
  exerciseId: string | undefined,
): 'completed' | 'started' | null {
  if (exerciseId && work.exercises[exerciseId]?.best.passed) return 'completed'
  return `${courseId}/${lessonId}` in work.lessons ? 'started' : null
}

/** Every exercise draft kept in this browser, by exercise id. */
export function visitorDrafts(store: KeyValueStore | null = defaultStore()): Record<string, string> {
  const drafts: Record<string, string> = {}
  if (!store) return drafts
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (!key?.startsWith(draftKeyPrefix)) continue
    const text = store.getItem(key)
    if (text !== null && text.length <= maxAnswerChars) drafts[key.slice(draftKeyPrefix.length)] = text
  }
  return drafts
}

export function hasVisitorWork(work: VisitorWork): boolean {
  return Object.keys(work.exercises).length > 0 || Object.keys(work.quizzes).length > 0
}

/** After a successful import (or when the learner declines it). Drafts stay: they are this browser's copy. */
export function clearVisitorWork(store: KeyValueStore | null = defaultStore()): void {
  try {
    store?.removeItem(visitorWorkKey)
  } catch {}
}

/** The body of `POST /api/me/import` (the server's zod schema in lib/server/visitor-import.ts accepts it). */
export interface VisitorImportRequest {
  lang: Locale
  /** `passed` and `score` are this browser's grade: sent for the record, ignored by the server, which grades again */
  exercises: { exerciseId: string; answer: string | string[]; passed?: boolean; score?: number }[]
  quizzes: { quizId: string; answers: VisitorQuiz['answers']; score?: number }[]
  drafts: { exerciseId: string; source: string }[]
  lessons: { courseId: string; lessonId: string }[]
}

/** What the offer tells the visitor they did. */
export function visitorWorkCounts(work: VisitorWork): { exercises: number; passed: number; quizzes: number } {
  const exercises = Object.values(work.exercises)
  return { exercises: exercises.length, passed: exercises.filter((e) => e.best.passed).length, quizzes: Object.keys(work.quizzes).length }
}

/** The import request for this browser's record and drafts. */
export function visitorImportRequest(work: VisitorWork, drafts: Record<string, string>, lang: Locale): VisitorImportRequest {
  return {
    lang,
    exercises: Object.entries(work.exercises).map(([exerciseId, e]) => ({
      exerciseId,
      answer: e.best.answer,
      passed: e.best.passed,
      score: e.best.score,
    })),
    quizzes: Object.entries(work.quizzes).map(([quizId, q]) => ({ quizId, answers: q.answers, score: q.score })),
    drafts: Object.entries(drafts).map(([exerciseId, source]) => ({ exerciseId, source })),
    lessons: Object.keys(work.lessons)
      .map((key) => key.split('/'))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== '')
      .map(([courseId, lessonId]) => ({ courseId, lessonId })),
  }
}

export const importRequestMaxBytes = 1024 * 1024

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length

/**
 * Splits a request into requests under the server's body limit (the import is idempotent, so sending in
 * several parts is safe). Each item is within the per-answer cap, so each fits on its own.
 */
export function importBatches(request: VisitorImportRequest, maxBytes = importRequestMaxBytes): VisitorImportRequest[] {
  const emptyRequest = (): VisitorImportRequest => ({ lang: request.lang, exercises: [], quizzes: [], drafts: [], lessons: [] })
  const batches = [emptyRequest()]
  let size = bytesOf(batches[0])
  const lists = ['lessons', 'exercises', 'quizzes', 'drafts'] as const
  for (const list of lists) {
    for (const item of request[list] as object[]) {
      const itemBytes = bytesOf(item) + 1 // and a comma
      if (size + itemBytes > maxBytes && size > bytesOf(emptyRequest())) {
        batches.push(emptyRequest())
        size = bytesOf(emptyRequest())
      }
      ;(batches.at(-1)![list] as object[]).push(item)
      size += itemBytes
    }
  }
  return batches
}
