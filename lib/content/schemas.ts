/** zod schemas for course files, so authors get a readable error for a malformed file instead of a broken page. */
import { z } from 'zod'

export const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes')
export const localizedSchema = z.object({ ko: z.string().trim().min(1), en: z.string().trim().min(1) }).strict()
export type Localized = z.infer<typeof localizedSchema>

export const courseSchema = z
  .object({
    id: idSchema,
    title: localizedSchema,
    description: localizedSchema,
    lessons: z.array(idSchema).min(1),
    /**
     * What a lesson may use only once the lesson that introduces it came before (lib/content/course-rules.test.ts):
     * each concept names its lesson and the markers that show it is used — in code spans, code blocks, exercise
     * sources and commands, where a use is unambiguous.
     */
    concepts: z.array(z.object({ id: idSchema, introducedIn: idSchema, code: z.array(z.string().min(1)).min(1) }).strict()).optional(),
  })
  .strict()
export type CourseFile = z.infer<typeof courseSchema>

export const lessonSchema = z
  .object({
    id: idSchema,
    title: localizedSchema,
    summary: localizedSchema,
    minutes: z.number().int().positive().max(240),
    /** "You will be able to…": each goal names the exercise checks that prove it. */
    goals: z
      .array(z.object({ ko: z.string().trim().min(1), en: z.string().trim().min(1), checks: z.array(idSchema).default([]) }).strict())
      .optional(),
    /** The lessons this one builds on; the course page draws them as a map. Only earlier lessons. */
    requires: z.array(idSchema).optional(),
    /**
     * Concepts (course.yaml `concepts`) this lesson shows at work before the lesson that teaches them — a demo's
     * traffic through a Service in a Deployment lesson. The page must name the lesson that teaches each one.
     */
    previews: z.array(idSchema).optional(),
  })
  .strict()
export type LessonFile = z.infer<typeof lessonSchema>

/** `why`: for a wrong choice, why it is wrong (shown after answering); the course's questions give one for each. */
const choiceSchema = z.object({ id: z.string().min(1), text: localizedSchema, why: localizedSchema.optional() }).strict()
/**
 * A predict-what-happens question shows what the simulator printed: the output of the `run`-th (1-based) `run:` step
 * of a demo scenario in the course's `demos/`; the explanation replays that demo.
 */
const showsSchema = z.object({ scenario: idSchema, run: z.number().int().min(1) }).strict()
const questionBase = { id: idSchema, prompt: localizedSchema, explanation: localizedSchema, shows: showsSchema.optional() }

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), choices: z.array(choiceSchema).min(2), answer: z.string() }).strict(),
  z
    .object({ ...questionBase, type: z.literal('multiple'), choices: z.array(choiceSchema).min(2), answer: z.array(z.string()).min(1) })
    .strict(),
  z.object({ ...questionBase, type: z.literal('truefalse'), answer: z.boolean() }).strict(),
  z
    .object({ ...questionBase, type: z.literal('ordering'), choices: z.array(choiceSchema).min(2), answer: z.array(z.string()).min(2) })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal('short'), answer: z.object({ accept: z.array(z.string().min(1)).min(1) }).strict() })
    .strict(),
])
export type Question = z.infer<typeof questionSchema>

export const quizSchema = z
  .object({ id: idSchema, questions: z.array(questionSchema).min(1) })
  .strict()
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>()
    quiz.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` })
      seen.add(q.id)
      if ('choices' in q) {
        const ids = new Set(q.choices.map((c) => c.id))
        const keys = Array.isArray(q.answer) ? q.answer : typeof q.answer === 'string' ? [q.answer] : []
        for (const key of keys)
          if (!ids.has(key))
            ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: `answer "${key}" is not one of the choices` })
        if (q.type === 'ordering' && keys.length !== ids.size)
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: 'an ordering answer lists every choice once' })
      }
    })
  })
export type Quiz = z.infer<typeof quizSchema>

/** `content/<course>/glossary.yaml`: the course's terms, linked from lessons with `<Term id="…">…</Term>`. */
export const glossarySchema = z
  .object({
    terms: z
      .array(
        z
          .object({
            id: idSchema,
            /** The Korean name a Korean learner reads (docs/korean-style.md: kinds stay in Latin letters). */
            ko: z.string().trim().min(1),
            /** The English name, as kubectl prints it where kubectl prints it. */
            en: z.string().trim().min(1),
            /** kubectl's resource name and short names, when the term is a kind (`pods (po)`). */
            kubectl: z.string().trim().min(1).optional(),
            definition: localizedSchema,
            /** The lesson that introduces the term. */
            lesson: idSchema,
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((glossary, ctx) => {
    const seen = new Set<string>()
    glossary.terms.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `duplicate term id "${t.id}"` })
      seen.add(t.id)
    })
  })
export type Glossary = z.infer<typeof glossarySchema>
