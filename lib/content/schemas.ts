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
  })
  .strict()
export type CourseFile = z.infer<typeof courseSchema>

export const lessonSchema = z
  .object({
    id: idSchema,
    title: localizedSchema,
    summary: localizedSchema,
    minutes: z.number().int().positive().max(240),
  })
  .strict()
export type LessonFile = z.infer<typeof lessonSchema>

const choiceSchema = z.object({ id: z.string().min(1), text: localizedSchema }).strict()
const questionBase = { id: idSchema, prompt: localizedSchema, explanation: localizedSchema }

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), choices: z.array(choiceSchema).min(2), answer: z.string() }).strict(),
  z.object({ ...questionBase, type: z.literal('multiple'), choices: z.array(choiceSchema).min(2), answer: z.array(z.string()).min(1) }).strict(),
  z.object({ ...questionBase, type: z.literal('truefalse'), answer: z.boolean() }).strict(),
  z.object({ ...questionBase, type: z.literal('ordering'), choices: z.array(choiceSchema).min(2), answer: z.array(z.string()).min(2) }).strict(),
  z.object({ ...questionBase, type: z.literal('short'), answer: z.object({ accept: z.array(z.string().min(1)).min(1) }).strict() }).strict(),
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
        for (const key of keys) if (!ids.has(key)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: `answer "${key}" is not one of the choices` })
        if (q.type === 'ordering' && keys.length !== ids.size) ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: 'an ordering answer lists every choice once' })
      }
    })
  })
export type Quiz = z.infer<typeof quizSchema>
