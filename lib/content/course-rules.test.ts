/**
 * The course's own rules, over the real content (content/README.md, "Course rules"): learner text never points at
 * the material the course was written from; a lesson's code uses a concept only once the lesson that introduces it
 * came before (course.yaml `concepts`); goals are proved by their lesson's exercise; `requires` looks back only; every
 * glossary term is linked with <Term id> on its introducing lesson's pages. Each failure lists every violation.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadCourses, type Course, type Lesson } from './load.ts'
import { termIds } from './check.ts'
import type { Localized } from './schemas.ts'

const courses = loadCourses(join(process.cwd(), 'content'))

function mdx(lesson: Lesson, lang: 'ko' | 'en'): string {
  const file = join(lesson.dir, `${lang}.mdx`)
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

/** The code of an MDX page: fenced code blocks and inline code spans (prose is left out). */
export function mdxCode(text: string): string[] {
  const code: string[] = []
  const fence = /^( {0,3})(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1?\2[ \t]*$/gm
  const prose = text.replace(fence, (_all, _indent, _fence, body: string) => {
    code.push(body)
    return '\n'
  })
  for (const m of prose.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) code.push(m[2]!)
  return code
}

/** The demo scenarios a lesson embeds (<Demo scenario>) or replays from a quiz question (`shows`). */
function demoIds(lesson: Lesson): string[] {
  const ids = new Set<string>()
  for (const lang of ['ko', 'en'] as const)
    for (const m of mdx(lesson, lang).matchAll(/<Demo\b[^>]*\bscenario\s*=\s*["']([^"']+)["']/g)) ids.add(m[1]!)
  for (const q of lesson.quiz?.questions ?? []) if (q.shows) ids.add(q.shows.scenario)
  return [...ids]
}

/** Where a lesson shows code, as [where, text]: its pages' code, its exercise's sources, its demos. */
function codeOf(course: Course, lesson: Lesson): Array<[string, string]> {
  const rel = (file: string) => file.slice(process.cwd().length + 1)
  const out: Array<[string, string]> = []
  for (const lang of ['ko', 'en'] as const)
    for (const code of mdxCode(mdx(lesson, lang))) out.push([rel(join(lesson.dir, `${lang}.mdx`)), code])
  const exercise = lesson.exercise
  if (exercise) {
    const file = rel(join(lesson.dir, 'exercise.yaml'))
    out.push([`${file} (starter)`, exercise.starter], [`${file} (solution)`, exercise.solution])
    for (const [i, step] of (exercise.setup ?? []).entries())
      out.push([
        `${file} (setup ${i + 1})`,
        Object.values(step)
          .filter((v) => typeof v === 'string')
          .join('\n'),
      ])
    // rightAnswers are not scanned: they prove the grader also accepts answers written with more than the lesson
    // teaches (resource requests in a Pod, a Service beside a Deployment), and learners never see them
  }
  for (const id of demoIds(lesson)) {
    const file = join(course.dir, 'demos', `${id}.scenario.yaml`)
    if (existsSync(file)) out.push([rel(file), readFileSync(file, 'utf8')])
  }
  return out
}

/** Every string a learner reads, as [where, text]: pages, lesson.yaml, exercise and quiz texts. */
function learnerTexts(lesson: Lesson): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const loc = (where: string, l: Localized | undefined) => l && out.push([where, l.ko], [where, l.en])
  for (const lang of ['ko', 'en'] as const) out.push([`${lesson.id}/${lang}.mdx`, mdx(lesson, lang)])
  loc(`${lesson.id}/lesson.yaml title`, lesson.title)
  loc(`${lesson.id}/lesson.yaml summary`, lesson.summary)
  for (const g of lesson.goals ?? []) loc(`${lesson.id}/lesson.yaml goal`, g)
  const e = lesson.exercise
  if (e) {
    loc(`${lesson.id}/exercise.yaml title`, e.title)
    loc(`${lesson.id}/exercise.yaml instructions`, e.instructions)
    for (const h of e.hints) loc(`${lesson.id}/exercise.yaml hint`, h)
    for (const c of e.checks) {
      loc(`${lesson.id}/exercise.yaml check ${c.id} message`, c.message)
      loc(`${lesson.id}/exercise.yaml check ${c.id} hint`, c.hint)
    }
  }
  for (const q of lesson.quiz?.questions ?? []) {
    const where = `${lesson.id}/quiz.yaml ${q.id}`
    loc(where, q.prompt)
    loc(where, q.explanation)
    if (!('choices' in q)) continue
    for (const c of q.choices) {
      loc(`${where} choice ${c.id}`, c.text)
      loc(`${where} choice ${c.id} why`, c.why)
    }
  }
  return out
}

/** Words that would point a learner at the material the course was written from. */
const sourceWords = [/source document/i, /원래 문서/, /원문/, /\bseed\b/i]

describe.each(courses.map((c) => [c.id, c] as const))('course rules: %s', (_id, course) => {
  const order = new Map(course.lessons.map((l, i) => [l.id, i]))

  it('(a) learner text never refers to the material the course was written from', () => {
    const found = course.lessons.flatMap((lesson) =>
      learnerTexts(lesson).flatMap(([where, text]) => sourceWords.filter((w) => w.test(text)).map((w) => `${where}: ${w.source}`)),
    )
    expect(found, found.join('\n')).toEqual([])
  })

  it('(b) a lesson uses a concept in code only from the lesson that introduces it on', () => {
    const concepts = course.concepts ?? []
    for (const c of concepts)
      expect(order.has(c.introducedIn), `concept ${c.id}: introducedIn "${c.introducedIn}" is not a lesson of the course`).toBe(true)
    const found = new Set<string>()
    for (const lesson of course.lessons) {
      const at = order.get(lesson.id)!
      const previews = new Set(lesson.previews ?? [])
      for (const concept of concepts) {
        if (at >= order.get(concept.introducedIn)!) continue
        // a declared preview: the lesson shows the concept at work (a demo's traffic through a Service) and its page
        // says where it is taught
        if (previews.has(concept.id)) continue
        for (const [where, text] of codeOf(course, lesson)) {
          for (const marker of concept.code)
            if (text.includes(marker))
              found.add(`${lesson.id}: "${marker}" (${concept.id}, introduced in ${concept.introducedIn}) in ${where}`)
        }
      }
    }
    expect([...found], [...found].join('\n')).toEqual([])
  })

  it('(b2) a preview names a concept of the course that a later lesson introduces, and the page says which', () => {
    const concepts = new Map((course.concepts ?? []).map((c) => [c.id, c]))
    const found = course.lessons.flatMap((lesson) =>
      (lesson.previews ?? []).flatMap((id) => {
        const concept = concepts.get(id)
        if (!concept) return [`${lesson.id}: previews "${id}", which is not a concept of the course`]
        if (order.get(concept.introducedIn)! <= order.get(lesson.id)!)
          return [`${lesson.id}: previews "${id}", which ${concept.introducedIn} already introduced: drop the preview`]
        const number = order.get(concept.introducedIn)! + 1
        const said = {
          ko: new RegExp(`레슨 ?${number}(?![0-9])|(?<![0-9])${number}(–[0-9]+)?레슨`),
          en: new RegExp(`[Ll]essons? ${number}(?![0-9])`),
        }
        return (['ko', 'en'] as const)
          .filter((lang) => !said[lang].test(mdx(lesson, lang)))
          .map(
            (lang) =>
              `${lesson.id}/${lang}.mdx: previews "${id}" but never names lesson ${number} (${concept.introducedIn}), where it is taught`,
          )
      }),
    )
    expect(found, found.join('\n')).toEqual([])
  })

  it('(c) each goal names checks of its lesson’s exercise', () => {
    const found = course.lessons.flatMap((lesson) => {
      const checks = new Set(lesson.exercise?.checks.map((c) => c.id) ?? [])
      return (lesson.goals ?? []).flatMap((g) => [
        ...(g.checks.length === 0 ? [`${lesson.id}: goal "${g.en}" names no check: a goal is what the exercise proves`] : []),
        ...g.checks
          .filter((id) => !checks.has(id))
          .map(
            (id) =>
              `${lesson.id}: goal "${g.en}" names check "${id}", which ${lesson.exercise ? `exercise ${lesson.exercise.id} does not have` : 'does not exist (the lesson has no exercise)'}`,
          ),
      ])
    })
    expect(found, found.join('\n')).toEqual([])
  })

  it('(c2) every lesson says what the learner will be able to do, in two to four goals', () => {
    const found = course.lessons
      .filter((l) => (l.goals?.length ?? 0) < 2 || (l.goals?.length ?? 0) > 4)
      .map((l) => `${l.id}: ${l.goals?.length ?? 0} goals`)
    expect(found, found.join('\n')).toEqual([])
  })

  it('(c3) goals complete "이 레슨을 마치면 할 수 있는 것" / "You will be able to": -기 in Korean, lower case in English, no full stop', () => {
    const found = course.lessons.flatMap((l) =>
      (l.goals ?? []).flatMap((g) => [
        ...(/기$/.test(g.ko.trim()) ? [] : [`${l.id}: "${g.ko}" does not end in -기`]),
        ...(/^[a-z`]/.test(g.en.trim()) && !/[.!]$/.test(g.en.trim())
          ? []
          : [`${l.id}: "${g.en}" should start in lower case and end without a full stop`]),
      ]),
    )
    expect(found, found.join('\n')).toEqual([])
  })

  it('(a2) text shown outside the MDX pages has no markdown emphasis, which nothing there renders', () => {
    const found = course.lessons.flatMap((lesson) =>
      learnerTexts(lesson)
        .filter(([where, text]) => !where.endsWith('.mdx') && /\*\*|__/.test(text))
        .map(([where]) => where),
    )
    expect(found, found.join('\n')).toEqual([])
  })

  it('(d) requires names only earlier lessons', () => {
    const found = course.lessons.flatMap((lesson) =>
      (lesson.requires ?? []).flatMap((id) => {
        if (!order.has(id)) return [`${lesson.id}: requires "${id}", which is not a lesson of the course`]
        return order.get(id)! >= order.get(lesson.id)! ? [`${lesson.id}: requires "${id}", which does not come before it`] : []
      }),
    )
    expect(found, found.join('\n')).toEqual([])
  })

  it('(e) every glossary term is linked with <Term id> on its introducing lesson’s ko and en pages', () => {
    const found = course.glossary.flatMap((term) => {
      const lesson = course.lessons.find((l) => l.id === term.lesson)!
      return (['ko', 'en'] as const)
        .filter((lang) => !termIds(mdx(lesson, lang)).includes(term.id))
        .map((lang) => `${term.lesson}/${lang}.mdx: no <Term id="${term.id}">`)
    })
    expect(found, found.join('\n')).toEqual([])
  })

  it('the course declares the concepts its lessons are checked against', () => {
    expect(course.concepts?.length ?? 0).toBeGreaterThanOrEqual(12)
  })
})

describe('mdxCode', () => {
  it('takes fenced blocks and inline code spans, not prose', () => {
    const text =
      'Run `kubectl get svc` now.\n\n```yaml tryit\nkind: Service\n```\n\nThe Service called ``a `b` c`` is fine, and kind: Deployment in prose is not code.\n'
    expect(mdxCode(text)).toEqual(['kind: Service\n', 'kubectl get svc', 'a `b` c'])
  })
})

// A concept's markers are read from course.yaml as written (the loader validates them; this keeps the file honest).
it('course.yaml concepts parse as the schema says', () => {
  const raw = parse(readFileSync(join(process.cwd(), 'content/kubernetes-basics/course.yaml'), 'utf8')) as { concepts?: unknown[] }
  expect(Array.isArray(raw.concepts)).toBe(true)
})
