/**
 * A lesson folder in the file format (`lesson.yaml`, `ko.mdx`, `en.mdx`, and optionally `exercise.yaml` and
 * `quiz.yaml`) read into the texts a studio lesson keeps, and written back from them, byte for byte
 * (`kubelab content import` / `export`, ADR 0020). Server-only (node:fs).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { idSchema } from './schemas.ts'

export interface LessonTexts {
  lessonYaml: string
  pageKo: string
  pageEn: string
  exerciseYaml: string | null
  quizYaml: string | null
}

export const lessonFiles: Record<keyof LessonTexts, { name: string; required: boolean }> = {
  lessonYaml: { name: 'lesson.yaml', required: true },
  pageKo: { name: 'ko.mdx', required: true },
  pageEn: { name: 'en.mdx', required: true },
  exerciseYaml: { name: 'exercise.yaml', required: false },
  quizYaml: { name: 'quiz.yaml', required: false },
}

export class LessonFolderError extends Error {}

/** The lesson's id as its lesson.yaml says, or an error naming what is wrong with it. */
export function lessonIdOf(lessonYaml: string): string {
  let data: unknown
  try {
    data = parse(lessonYaml)
  } catch (error) {
    throw new LessonFolderError(`lesson.yaml is not YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  const id = idSchema.safeParse((data as { id?: unknown } | null)?.id)
  if (!id.success) throw new LessonFolderError('lesson.yaml needs an `id:` in kebab-case (lowercase letters, digits and single dashes)')
  return id.data
}

export function readLessonFolder(dir: string): { lessonId: string; texts: LessonTexts } {
  if (!existsSync(dir)) throw new LessonFolderError(`no folder ${dir}`)
  const texts = {} as LessonTexts
  for (const [field, { name, required }] of Object.entries(lessonFiles) as Array<
    [keyof LessonTexts, { name: string; required: boolean }]
  >) {
    const file = join(dir, name)
    if (!existsSync(file)) {
      if (required)
        throw new LessonFolderError(
          `${dir} has no ${name} (a lesson folder holds lesson.yaml, ko.mdx and en.mdx, and may hold exercise.yaml and quiz.yaml)`,
        )
      texts[field] = null as never
      continue
    }
    texts[field] = readFileSync(file, 'utf8')
  }
  return { lessonId: lessonIdOf(texts.lessonYaml), texts }
}

/** Writes the folder; refuses a folder that already holds files unless `overwrite`. */
export function writeLessonFolder(dir: string, texts: LessonTexts, overwrite = false): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !overwrite)
    throw new LessonFolderError(`${dir} is not empty (add --force to write over it)`)
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  for (const [field, { name }] of Object.entries(lessonFiles) as Array<[keyof LessonTexts, { name: string }]>) {
    const text = texts[field]
    if (text === null) continue
    writeFileSync(join(dir, name), text)
    written.push(name)
  }
  return written
}
