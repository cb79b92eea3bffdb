import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCourses } from './load.ts'
import { readLessonFolder } from './lesson-folder.ts'
import { publishProblems } from './publish-gate.ts'
import { checkUntrustedMdx } from './untrusted-mdx.ts'
import { copyLessonTexts } from './copy-lesson.ts'

describe('copyLessonTexts', () => {
  const course = loadCourses(join(process.cwd(), 'content'))[0]!
  const pod = course.lessons.find((l) => l.id === 'pod')!
  const original = readLessonFolder(pod.dir).texts
  const copy = copyLessonTexts(original, 'pod-again')

  it('gives the lesson, its exercise and its quiz ids of their own and points the pages at the new quiz', () => {
    expect(parse(copy.lessonYaml).id).toBe('pod-again')
    expect(parse(copy.exerciseYaml!).id).toBe('pod-again-exercise')
    expect(parse(copy.quizYaml!).id).toBe('pod-again-quiz')
    expect(copy.pageKo).toContain('<Quiz id="pod-again-quiz"')
    expect(copy.pageKo).not.toContain(`<Quiz id="${pod.quiz!.id}"`)
    // everything else is the original's
    expect({ ...parse(copy.exerciseYaml!), id: null }).toEqual({ ...parse(original.exerciseYaml!), id: null })
    expect(copy.pageEn.replaceAll('pod-again-quiz', pod.quiz!.id)).toBe(original.pageEn)
  })

  it('passes the publish gate beside the original, whose ids it no longer takes', async () => {
    const taken = new Set(course.lessons.flatMap((l) => [l.exercise?.id, l.quiz?.id].filter((id): id is string => Boolean(id))))
    const gate = await publishProblems(copy, { lessonId: 'pod-again', takenIds: taken, checkPage: (s) => checkUntrustedMdx(s) })
    expect(gate.problems).toEqual([])
    expect(gate.ok).toBe(true)
    const unchanged = await publishProblems(original, { lessonId: 'pod', takenIds: taken, checkPage: (s) => checkUntrustedMdx(s) })
    expect(unchanged.ok).toBe(false)
  })
})
