/**
 * What the studio-gate worker runs (worker.ts), and the limits and messages both threads share. Pure: the worker
 * is a thin wrapper around lib/content's page check, compile and publish gate, and tests can run these in-process.
 * No `server-only`: the worker bundle imports it.
 */
import { checkAndCompilePage, publishProblems, type GateResult, type PageOutcome, type PageProblem } from '../../content/publish-gate.ts'
import type { LessonTexts } from '../../content/lesson-folder.ts'
import type { Localized } from '../../content/schemas.ts'
import { checkUntrustedMdx } from '../../content/untrusted-mdx.ts'

/**
 * A page's check and compile may run this long. Every lesson page of the course checks and compiles in well under
 * a second; remark's parser is quadratic on some hostile pages (ADR 0020), which this stops.
 */
export const PAGE_WALL_TIME_MS = 5_000
/** The rest of a publish gate (compiling both pages, the YAML texts, proving the exercise) may run this long. */
export const GATE_WALL_TIME_MS = 20_000
/** A studio worker's V8 heap (old generation), MiB: the largest page allowed (256 KiB) checks and compiles in far less. */
export const STUDIO_WORKER_MEMORY_MB = 192

export type StudioTask =
  /** the untrusted-page check, then the compile of a page it passes (the studio's live preview) */
  | { kind: 'page'; source: string }
  /** the untrusted-page check alone: the publish gate checks each page under its own time limit first */
  | { kind: 'check-page'; source: string }
  /** the publish gate, with each page's check already made (a page that took too long carries that problem) */
  | { kind: 'gate'; texts: LessonTexts; lessonId: string; takenIds: string[]; pageChecks: { ko: PageProblem[]; en: PageProblem[] } }

export type StudioTaskOutput<T extends StudioTask> = T extends { kind: 'page' }
  ? PageOutcome
  : T extends { kind: 'check-page' }
    ? PageProblem[]
    : GateResult

const seconds = (ms: number) => Math.round(ms / 1000)

export function pageTooSlowMessage(limitMs: number): Localized {
  return {
    ko: `이 페이지는 확인하는 데 너무 오래 걸려 멈췄습니다(${seconds(limitMs)}초 넘게). 같은 문자가 길게 이어지는 부분을 줄여 보세요.`,
    en: `Checking this page took too long and was stopped (over ${seconds(limitMs)} s). Shorten long runs of the same characters.`,
  }
}

export function pageTooLargeInMemoryMessage(limitMb: number): Localized {
  return {
    ko: `이 페이지는 확인하는 데 메모리를 너무 많이 써서 멈췄습니다(${limitMb} MiB 넘게). 깊이 중첩된 부분이나 같은 문자가 길게 이어지는 부분을 줄여 보세요.`,
    en: `Checking this page used too much memory and was stopped (over ${limitMb} MiB). Shorten deeply nested parts or long runs of the same characters.`,
  }
}

export function lessonTooSlowMessage(limitMs: number): Localized {
  return {
    ko: `이 레슨은 확인하는 데 너무 오래 걸려 멈췄습니다(${seconds(limitMs)}초 넘게). 실습의 답안이나 페이지를 가볍게 해 보세요.`,
    en: `Checking this lesson took too long and was stopped (over ${seconds(limitMs)} s). Make the exercise's answers or the pages lighter.`,
  }
}

export function lessonTooLargeInMemoryMessage(limitMb: number): Localized {
  return {
    ko: `이 레슨은 확인하는 데 메모리를 너무 많이 써서 멈췄습니다(${limitMb} MiB 넘게). 실습의 답안이나 페이지를 가볍게 해 보세요.`,
    en: `Checking this lesson used too much memory and was stopped (over ${limitMb} MiB). Make the exercise's answers or the pages lighter.`,
  }
}

export const checkerBusyMessage: Localized = {
  ko: '지금은 확인할 일이 밀려 있어 확인하지 못했습니다. 잠시 후 다시 시도하세요.',
  en: 'The checker is busy and did not check this. Try again in a moment.',
}

export async function runStudioTask<T extends StudioTask>(task: T): Promise<StudioTaskOutput<T>> {
  type Output = StudioTaskOutput<T>
  if (task.kind === 'page') return (await checkAndCompilePage(task.source, checkUntrustedMdx)) as Output
  if (task.kind === 'check-page')
    return checkUntrustedMdx(task.source).map(({ line, column, message }) => ({ line, column, message })) as Output
  const checked = new Map([
    [task.texts.pageKo, task.pageChecks.ko],
    [task.texts.pageEn, task.pageChecks.en],
  ])
  const gate = await publishProblems(task.texts, {
    lessonId: task.lessonId,
    takenIds: new Set(task.takenIds),
    // both pages were checked by their own tasks; a page is checked here only if it somehow was not
    checkPage: (source) => checked.get(source) ?? checkUntrustedMdx(source),
  })
  return gate as Output
}
