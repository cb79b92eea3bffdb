/** Reads the course's own files, so end-to-end walks use the real exercises and quiz keys. */
import { readFileSync, readdirSync } from 'node:fs'
import { parse } from 'yaml'

const lessonsDir = 'content/kubernetes-basics/lessons'

function lessonDir(lessonId: string): string {
  const dir = readdirSync(lessonsDir).find((d) => d.replace(/^\d+-/, '') === lessonId)
  if (!dir) throw new Error(`no lesson ${lessonId}`)
  return `${lessonsDir}/${dir}`
}

export interface ExerciseFile {
  id: string
  kind: 'manifest' | 'command'
  starter: string
  solution: string
}

export interface QuizQuestion {
  id: string
  type: 'single' | 'multiple' | 'truefalse' | 'ordering' | 'short'
  choices?: { id: string; text: { ko: string; en: string } }[]
  answer: string | string[] | boolean | { accept: string[] }
}

export function exerciseOf(lessonId: string): ExerciseFile {
  return parse(readFileSync(`${lessonDir(lessonId)}/exercise.yaml`, 'utf8')) as ExerciseFile
}

export function quizOf(lessonId: string): { id: string; questions: QuizQuestion[] } {
  return parse(readFileSync(`${lessonDir(lessonId)}/quiz.yaml`, 'utf8')) as { id: string; questions: QuizQuestion[] }
}
