import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCourses } from './load.ts'
import { exercisesMarkdown, handWritten } from './exercises-doc.ts'

describe('EXERCISES.md', () => {
  it.each(loadCourses().map((c) => [c.id, c] as const))('is up to date with the exercise files (%s)', (_id, course) => {
    const file = join(course.dir, 'EXERCISES.md')
    const text = existsSync(file) ? readFileSync(file, 'utf8') : null
    expect(text, `${file} is stale: run \`npm run -s kubelab -- content check --write-exercises\``).toBe(exercisesMarkdown(course, text))
  })

  it('keeps the hand-written introduction and notes, and starts a new file with a default introduction', () => {
    const course = loadCourses()[0]!
    const fresh = exercisesMarkdown(course, null)
    expect(fresh).toMatch(
      /^# Exercises of "Kubernetes Basics — Pod, Deployment, Service" \(authoring notes\)\n[\s\S]*\nCounts: \d+ exercises — \d+ manifest, \d+ command/,
    )
    expect(fresh).not.toContain('- Notes:')
    const id = course.lessons.find((l) => l.exercise)!.exercise!.id
    const withNote = fresh.replace(new RegExp(`(## \\d+ \`${id}\`[\\s\\S]*?)(\\n\\n## )`), '$1\n- Notes:\n  - a note kept by hand$2')
    const again = exercisesMarkdown(course, withNote.replace('(authoring notes)', '(authoring notes, edited)'))
    expect(again).toContain('(authoring notes, edited)')
    expect(handWritten(again).notes.get(id)).toBe('  - a note kept by hand')
  })
})
