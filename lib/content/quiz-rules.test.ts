/**
 * The course's quizzes as a whole (issue 16): every wrong option of a single or multiple-choice question says why it
 * is wrong, in Korean and English; recall formats (true/false, short answer) stay rare; the course asks enough
 * questions; and every predict-what-happens question's `shows` names a demo and one of its `run:` steps.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCourses } from './load.ts'
import { runSteps, showsProblems } from '../grading/quiz-shows.ts'
import { recordDemo } from '../../components/mdx/record-demo.ts'

const courses = loadCourses()
const quizzes = courses.flatMap((course) =>
  course.lessons.flatMap((lesson) => (lesson.quiz ? [{ course, lesson, quiz: lesson.quiz }] : [])),
)
const questions = quizzes.flatMap(({ lesson, quiz }) => quiz.questions.map((q) => ({ lesson: lesson.id, quiz: quiz.id, q })))

describe('the course’s quizzes', () => {
  it('say, for every wrong option of a single or multiple-choice question, why it is wrong — in Korean and English', () => {
    const missing: string[] = []
    for (const { quiz, q } of questions) {
      if (q.type !== 'single' && q.type !== 'multiple') continue
      const right = new Set(q.type === 'single' ? [q.answer] : q.answer)
      for (const c of q.choices)
        if (!right.has(c.id) && !(c.why?.ko.trim() && c.why?.en.trim())) missing.push(`${quiz}/${q.id}: choice ${c.id}`)
    }
    expect(missing, 'wrong options without a `why: { ko, en }`').toEqual([])
  })

  it('ask at most 10 % of their questions as true/false or short answer (recall), the rest mostly predict and explain', () => {
    const recall = questions.filter(({ q }) => q.type === 'truefalse' || q.type === 'short')
    expect(recall.length, `recall questions: ${recall.map(({ quiz, q }) => `${quiz}/${q.id}`).join(', ')}`).toBeLessThanOrEqual(
      Math.floor(questions.length * 0.1),
    )
  })

  it('ask at least 100 questions in the course (fails until the new lessons 02, 06, 07, 11 and 18 bring their quizzes)', () => {
    const byLesson = quizzes.map(({ lesson, quiz }) => `${lesson.id} ${quiz.questions.length}`).join(', ')
    expect(
      questions.length,
      `the course asks ${questions.length} questions (${byLesson}); it needs at least 100 — the new lessons' quizzes (about 35 questions) are written with those lessons`,
    ).toBeGreaterThanOrEqual(100)
  })

  it('show, in every predict-what-happens question, a run: step of a demo the course has', () => {
    const problems = quizzes.flatMap(({ course, lesson, quiz }) =>
      showsProblems(quiz, (id) => {
        const file = join(course.dir, 'demos', `${id}.scenario.yaml`)
        return existsSync(file) ? readFileSync(file, 'utf8') : null
      }).map((p) => `${lesson.id}: ${p}`),
    )
    expect(problems).toEqual([])
    // and the course does ask such questions
    expect(questions.filter(({ q }) => q.shows).length).toBeGreaterThanOrEqual(20)
  })

  it('quote, in a predict question, only generated names, ports and ages that its demo printed up to the step it shows', () => {
    // what the simulator makes up (Pod and ReplicaSet names, node ports, IPs, ages) drifts if the simulator changes
    const generated =
      /\b[a-z]+-[0-9a-f]{8,10}(?:-[a-z0-9]{5})?\b|\b[0-9bcdfghjklmnpqrstvwxz]{5}\b(?=[,) ])|\b3[0-2]\d{3}\b|\b10\.\d+\.\d+\.\d+\b|\b\d+m\d+s\b/g
    const stale: string[] = []
    for (const { course, quiz } of quizzes) {
      for (const q of quiz.questions) {
        if (!q.shows) continue
        const text = readFileSync(join(course.dir, 'demos', `${q.shows.scenario}.scenario.yaml`), 'utf8')
        const transcript = recordDemo(text)!.transcript
        // the step's own output, or an earlier one the question refers back to
        const output =
          transcript
            .slice(0, runSteps(text)![q.shows.run - 1]!.transcriptIndex + 1)
            .map((e) => e.output)
            .join('\n') + '30000 32767'
        const words = [
          q.prompt.ko,
          q.prompt.en,
          q.explanation.ko,
          q.explanation.en,
          ...('choices' in q ? q.choices.flatMap((c) => [c.text.ko, c.text.en, c.why?.ko ?? '', c.why?.en ?? '']) : []),
        ].join('\n')
        for (const [token] of words.matchAll(generated))
          if (!output.includes(token) && !text.includes(token)) stale.push(`${quiz.id}/${q.id}: ${token}`)
      }
    }
    expect(stale, 'quoted values that the demo no longer prints').toEqual([])
  })
})
