/**
 * The studio's preview and publish gate in their worker thread (the development bundle of lib/server/studio-gate):
 * a hostile page is refused before anything compiles it, a page the parser would take minutes on is stopped at the
 * time limit without a line and the next page still compiles, and the gate in the worker says what the gate says
 * in-process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLessonFolder, type LessonTexts } from '../../content/lesson-folder.ts'
import { publishProblems, type GateResult } from '../../content/publish-gate.ts'
import { scaffoldLesson } from '../../content/scaffold.ts'
import { checkUntrustedMdx } from '../../content/untrusted-mdx.ts'
import { closeStudioGate, compileStudioPage, PAGE_WALL_TIME_MS, runStudioGate } from './index.ts'

const scratch = mkdtempSync(join(tmpdir(), 'kubelab-studio-gate-'))
mkdirSync(join(scratch, 'c', 'lessons'), { recursive: true })
writeFileSync(join(scratch, 'c', 'course.yaml'), 'id: c\ntitle: { ko: "가", en: "a" }\ndescription: { ko: "가", en: "a" }\nlessons: []\n')
const good: LessonTexts = readLessonFolder(scaffoldLesson({ courseDir: join(scratch, 'c'), lessonId: 'probes' }).dir).texts
const context = { lessonId: 'probes', takenIds: new Set(['pod-first-manifest']) }

/**
 * remark's parser is quadratic on `*a` repeated: 20 KB took 1.4 s and 128 KB 80 s in-process on the machine this was
 * written on. This is the most the size limit lets through (about 250 KiB), minutes on any machine.
 */
const pathological = '*a'.repeat(128_000)

/** Room above the time limit for the sweep, the worker's end and a loaded CI machine; far below the minutes without a limit. */
const MARGIN_MS = 10_000

const tooSlow = {
  ko: '이 페이지는 확인하는 데 너무 오래 걸려 멈췄습니다(5초 넘게). 같은 문자가 길게 이어지는 부분을 줄여 보세요.',
  en: 'Checking this page took too long and was stopped (over 5 s). Shorten long runs of the same characters.',
}

/** A proof's cases say how long each grade took, which differs from run to run. */
function withoutDurations(result: GateResult): GateResult {
  return { ...result, proof: result.proof && { ...result.proof, cases: result.proof.cases.map((c) => ({ ...c, durationMs: 0 })) } }
}

afterAll(async () => {
  await closeStudioGate()
  rmSync(scratch, { recursive: true, force: true })
})

// bundles the worker when its sources changed (a second or two) and starts the thread
beforeAll(async () => {
  expect(await compileStudioPage('# Warm\n')).toMatchObject({ ok: true })
}, 60_000)

describe('compileStudioPage', () => {
  it('compiles a good page into code that renders it', async () => {
    const preview = await compileStudioPage('# Probes\n\nA **readiness** probe, [docs](https://kubernetes.io/).\n')
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    const html = renderToStaticMarkup(createElement(getMDXComponent(preview.code)))
    expect(html).toBe('<h1>Probes</h1>\n<p>A <strong>readiness</strong> probe, <a href="https://kubernetes.io/">docs</a>.</p>')
  })

  it('refuses a hostile page with the untrusted-page check’s problems, never compiling it', async () => {
    // `{1 + 1}` compiles as MDX: refused here only because the check ran first
    for (const hostile of ['<script>alert(1)</script>\n', 'Bye {process.exit()}\n', 'Two is {1 + 1}.\n']) {
      const preview = await compileStudioPage(hostile)
      const expected = checkUntrustedMdx(hostile).map(({ line, column, message }) => ({ line, column, message }))
      expect(expected.length).toBeGreaterThan(0)
      expect(preview).toEqual({ ok: false, problems: expected })
    }
    // the worker that was asked to run process.exit() still answers
    expect(await compileStudioPage('# Still here\n')).toMatchObject({ ok: true })
  })

  it('stops a page the parser takes minutes on at the time limit, with no line, and compiles the next page in a new worker', async () => {
    const started = performance.now()
    const preview = await compileStudioPage(pathological)
    const took = performance.now() - started
    expect(preview).toEqual({ ok: false, problems: [{ message: tooSlow }] })
    expect(took).toBeLessThan(PAGE_WALL_TIME_MS + MARGIN_MS)
    const next = await compileStudioPage('# Next\n')
    expect(next.ok && renderToStaticMarkup(createElement(getMDXComponent(next.code)))).toBe('<h1>Next</h1>')
  }, 60_000)
})

describe('runStudioGate', () => {
  it('says what publishProblems says in-process, for a good lesson and a broken one', async () => {
    const broken: LessonTexts = {
      ...good,
      pageEn: good.pageEn + '\n<script>alert(1)</script>\n',
      pageKo: good.pageKo + '\n<Precisely>\nnever closed',
      exerciseYaml: good
        .exerciseYaml!.replace('    labels:\n      app: web\n', '')
        .replace('id: probes-exercise', 'id: pod-first-manifest'),
    }
    for (const texts of [good, broken]) {
      const inWorker = await runStudioGate(texts, context)
      const inProcess = await publishProblems(texts, { ...context, checkPage: checkUntrustedMdx })
      expect(withoutDurations(inWorker)).toEqual(withoutDurations(inProcess))
    }
    const [goodResult, brokenResult] = [await runStudioGate(good, context), await runStudioGate(broken, context)]
    expect(goodResult).toMatchObject({ ok: true, problems: [], proof: { ok: true } })
    // what the broken lesson gets wrong, each where it is
    expect(brokenResult.ok).toBe(false)
    expect(brokenResult.proof?.ok).toBe(false)
    expect(new Set(brokenResult.problems.map((p) => p.file))).toEqual(new Set(['ko.mdx', 'en.mdx', 'exercise.yaml']))
  }, 60_000)

  it('refuses a page that takes too long to check as too slow, where it is, and still checks the rest of the lesson', async () => {
    const started = performance.now()
    const result = await runStudioGate({ ...good, pageKo: pathological }, context)
    expect(performance.now() - started).toBeLessThan(PAGE_WALL_TIME_MS + MARGIN_MS + 5_000)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([{ file: 'ko.mdx', message: tooSlow }])
    expect(result.proof).toMatchObject({ exerciseId: 'probes-exercise', ok: true })
  }, 60_000)
})
