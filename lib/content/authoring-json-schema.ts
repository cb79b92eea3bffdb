/**
 * JSON Schemas of the files an author writes (exercise.yaml, quiz.yaml, lesson.yaml), generated from the zod schemas
 * that load them (zod 4's `z.toJSONSchema`), so an editor — the studio's Monaco with monaco-yaml, or an author's own
 * editor through the `# yaml-language-server: $schema=` comment — marks a typo in a check type or a missing
 * `message.en` on its line as the author types. One source of truth: the schema cannot drift from what
 * `kubelab content check` accepts (authoring-json-schema.test.ts runs every course file through both).
 * Cross-field rules (a known-wrong answer naming a check that exists, a quiz key naming a choice) are refinements a
 * JSON Schema cannot say; `content check` and the studio's proof still report them.
 */
import { z } from 'zod'
import { exerciseSchema } from '../grading/exercise-schema.ts'
import { lessonSchema, quizSchema } from './schemas.ts'

export type AuthoringFile = 'exercise' | 'quiz' | 'lesson'

const sources: Record<AuthoringFile, { schema: z.ZodType; title: string }> = {
  exercise: { schema: exerciseSchema, title: 'Kubelab exercise (exercise.yaml)' },
  quiz: { schema: quizSchema, title: 'Kubelab quiz (quiz.yaml)' },
  lesson: { schema: lessonSchema, title: 'Kubelab lesson (lesson.yaml)' },
}

const generated = new Map<AuthoringFile, Record<string, unknown>>()

/**
 * The schema of what an author writes (zod's input side: before defaults and transforms), as draft-07, which
 * monaco-yaml's language service reads. Parts zod cannot express (refinements) are left open rather than failing.
 */
export function authoringJsonSchema(file: AuthoringFile): Record<string, unknown> {
  let schema = generated.get(file)
  if (!schema) {
    const { schema: source, title } = sources[file]
    schema = { ...z.toJSONSchema(source, { io: 'input', unrepresentable: 'any', target: 'draft-7' }), title }
    generated.set(file, schema)
  }
  return schema
}
