/**
 * The studio's page preview and publish gate, off the thread that answers requests (ADR 0020): remark's parser is
 * quadratic on some hostile pages well under the size limit, so an author's text runs in a worker thread with a
 * wall-time limit (the budgeted pool of lib/server/grading-pool, ADR 0013) and past it the worker is ended and
 * replaced, and the author is told so in both languages. The pool is kept on globalThis, as the grading pool is,
 * and its worker is the bundle STUDIO_GATE_WORKER (bundle.ts) for this mode.
 */
import { existsSync } from 'node:fs'
import type { GateResult, PageProblem } from '../../content/publish-gate.ts'
import type { LessonTexts } from '../../content/lesson-folder.ts'
import {
  buildWorkerBundle,
  developmentWorkerFile,
  productionWorkerFile,
  STUDIO_GATE_WORKER,
  workerBundleStale,
} from '../grading-pool/bundle.ts'
import { BudgetedPool, type BudgetedOutcome } from '../grading-pool/budgeted-pool.ts'
import { log } from '../observability/log.ts'
import {
  checkerBusyMessage,
  GATE_WALL_TIME_MS,
  lessonTooLargeInMemoryMessage,
  lessonTooSlowMessage,
  PAGE_WALL_TIME_MS,
  pageTooLargeInMemoryMessage,
  pageTooSlowMessage,
  STUDIO_WORKER_MEMORY_MB,
  type StudioTask,
  type StudioTaskOutput,
} from './task.ts'

export { PAGE_WALL_TIME_MS } from './task.ts'

export type StudioPagePreview = { ok: true; code: string } | { ok: false; problems: PageProblem[] }

type StudioPool = BudgetedPool<StudioTask, StudioTaskOutput<StudioTask>>

interface Holder {
  pool: StudioPool | null
  checkedAt: number
  preparing: Promise<StudioPool> | null
}

const holder: Holder = ((globalThis as { __kubelabStudioGatePool?: Holder }).__kubelabStudioGatePool ??= {
  pool: null,
  checkedAt: 0,
  preparing: null,
})

/** How often development checks whether the sources changed since the worker was bundled. */
const DEV_CHECK_MS = 2000

/**
 * One thread: few authors check at once, and it must not take a core from grading for long. The pool starts on the
 * first use, so a server no author uses holds no studio thread. The thread is kept (not ended when idle): piscina
 * replaces a stopped worker only up to its minimum, and with none the tasks queued behind a stopped one waited
 * until their queue time ran out.
 */
function createPool(workerFile: string): StudioPool {
  return new BudgetedPool({
    workerFile,
    threads: 1,
    maxQueue: 8,
    wallTimeMs: PAGE_WALL_TIME_MS,
    queueWaitMs: 30_000,
    memoryMb: STUDIO_WORKER_MEMORY_MB,
  })
}

async function prepare(): Promise<StudioPool> {
  const production = process.env.NODE_ENV === 'production'
  const file = production ? productionWorkerFile(STUDIO_GATE_WORKER) : developmentWorkerFile(STUDIO_GATE_WORKER)
  if (production ? !existsSync(file) : workerBundleStale(STUDIO_GATE_WORKER, file)) {
    if (production)
      log().warn(
        { event: 'studio-gate.bundle-missing', file },
        `${file} is missing (built by \`npm run build\`); bundling the studio gate worker now`,
      )
    await buildWorkerBundle(STUDIO_GATE_WORKER, file)
    const old = holder.pool
    holder.pool = null
    if (old) void old.close()
  }
  holder.pool ??= createPool(file)
  holder.checkedAt = Date.now()
  return holder.pool
}

async function studioGatePool(): Promise<StudioPool> {
  if (holder.pool && (process.env.NODE_ENV === 'production' || Date.now() - holder.checkedAt < DEV_CHECK_MS)) return holder.pool
  holder.preparing ??= prepare().finally(() => {
    holder.preparing = null
  })
  return holder.preparing
}

/** Ends the pool's thread (tests; a server lets it end when idle). */
export async function closeStudioGate(): Promise<void> {
  const pool = holder.pool
  holder.pool = null
  await pool?.close()
}

/** A task's outcome, except a failure, which run() throws. */
type Answered<T extends StudioTask> = Exclude<BudgetedOutcome<StudioTaskOutput<T>>, { status: 'failed' }>

async function run<T extends StudioTask>(task: T, wallTimeMs: number): Promise<Answered<T>> {
  const outcome = await (await studioGatePool()).run(task, { wallTimeMs })
  if (outcome.status === 'stopped')
    log().warn(
      { event: 'studio-gate.stopped', kind: task.kind, limit: outcome.limit, max: outcome.max },
      `a studio ${task.kind} task was stopped (${outcome.limit})`,
    )
  // a worker that fails otherwise is a bug: the caller answers 500, the log says why
  if (outcome.status === 'failed') throw new Error(`the studio gate worker failed: ${outcome.message}`)
  return outcome as Answered<T>
}

/** Why a page's task ended without an answer, as a problem with no line (the page as a whole). */
function pageStopped(outcome: Exclude<Answered<StudioTask>, { status: 'done' }>): PageProblem {
  if (outcome.status === 'busy') return { message: checkerBusyMessage }
  return { message: outcome.limit === 'wallTime' ? pageTooSlowMessage(outcome.max) : pageTooLargeInMemoryMessage(outcome.max) }
}

/**
 * The studio's live preview: the untrusted-page check, then the compile of a page it passes (never of one it
 * refuses), within PAGE_WALL_TIME_MS. The code is mdx-bundler's, for `getMDXComponent`.
 */
export async function compileStudioPage(source: string): Promise<StudioPagePreview> {
  const outcome = await run({ kind: 'page', source }, PAGE_WALL_TIME_MS)
  if (outcome.status !== 'done') return { ok: false, problems: [pageStopped(outcome)] }
  return outcome.output.ok ? { ok: true, code: outcome.output.code } : { ok: false, problems: outcome.output.problems }
}

/**
 * The publish gate (publishProblems) in the worker: each page's untrusted-page check first, with its own
 * PAGE_WALL_TIME_MS (a page that takes longer is refused as too slow, so the author learns which page it was),
 * then the rest of the gate within GATE_WALL_TIME_MS.
 */
export async function runStudioGate(texts: LessonTexts, context: { lessonId: string; takenIds: ReadonlySet<string> }): Promise<GateResult> {
  const checkPage = async (source: string): Promise<PageProblem[]> => {
    const outcome = await run({ kind: 'check-page', source }, PAGE_WALL_TIME_MS)
    return outcome.status === 'done' ? outcome.output : [pageStopped(outcome)]
  }
  const [ko, en] = await Promise.all([checkPage(texts.pageKo), checkPage(texts.pageEn)])
  const outcome = await run(
    { kind: 'gate', texts, lessonId: context.lessonId, takenIds: [...context.takenIds], pageChecks: { ko, en } },
    GATE_WALL_TIME_MS,
  )
  if (outcome.status === 'done') return outcome.output
  // the lesson as a whole: lesson.yaml is where the studio shows what concerns every text
  const message =
    outcome.status === 'busy'
      ? checkerBusyMessage
      : outcome.limit === 'wallTime'
        ? lessonTooSlowMessage(outcome.max)
        : lessonTooLargeInMemoryMessage(outcome.max)
  return { ok: false, problems: [{ file: 'lesson.yaml', message }], proof: null }
}
