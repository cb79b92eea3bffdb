/**
 * The studio editor's server side (issue 14): a new lesson starts from texts that pass the gate (template or a copy
 * of a file lesson), any answer is graded against the editor's exercise as a learner's would be, and moving a lesson
 * re-anchors the studio lessons so the course's order is exactly the one the author asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCourses } from '../content/load.ts'
import { newLessonTexts } from '../content/scaffold.ts'
import { gradeTask } from './grading-pool/task.ts'
import { studioEditor } from './studio-editor.ts'
import { useTestDatabase, createTestAccount } from '../testing/db.ts'

const course = loadCourses()[0]!
const fileIds = course.lessons.map((l) => l.id)

describe('studio editor', () => {
  const { database, dal } = useTestDatabase()
  let editor: ReturnType<typeof studioEditor>
  const author = { id: '', role: 'author' as const }
  const learner = { id: '', role: 'learner' as const }

  beforeAll(async () => {
    editor = studioEditor(dal, async (task) => ({ status: 'done', output: gradeTask(task) }))
    author.id = (await createTestAccount(database.db, 'author')).id
    learner.id = (await createTestAccount(database.db, 'learner')).id
  })

  it('starts from the template or from a copy of a file lesson under the new ids', () => {
    expect(editor.startingTexts(course.id, 'environment-variables', { template: true })).toEqual(newLessonTexts('environment-variables'))
    const copy = editor.startingTexts(course.id, 'pod-again', { copyOf: 'pod' })!
    expect(copy.lessonYaml).toMatch(/^id: pod-again$/m)
    expect(editor.startingTexts(course.id, 'x', { copyOf: 'no-such-lesson' })).toBeNull()
  })

  it('grades an answer against the editor’s exercise: the solution passes, a wrong one fails the checks it breaks', async () => {
    const { exerciseYaml } = newLessonTexts('environment-variables')
    const exercise = (await import('yaml')).parse(exerciseYaml) as {
      solution: string
      wrongAnswers: Array<{ source: string; fails: string[] }>
    }
    const pass = await editor.tryAnswer(author, { exerciseYaml, answer: exercise.solution }, 'en')
    expect(pass).toMatchObject({ status: 'graded', passed: true, failing: [] })
    const wrong = exercise.wrongAnswers[0]!
    const fail = await editor.tryAnswer(author, { exerciseYaml, answer: wrong.source }, 'ko')
    expect(fail).toMatchObject({ status: 'graded', passed: false, failing: [...wrong.fails].sort() })
    expect(await editor.tryAnswer(author, { exerciseYaml: 'id: [', answer: 'x' }, 'en')).toMatchObject({ status: 'no_exercise' })
    await expect(editor.tryAnswer(learner, { exerciseYaml, answer: exercise.solution }, 'en')).rejects.toMatchObject({ status: 403 })
    await expect(editor.tryAnswer(null, { exerciseYaml, answer: exercise.solution }, 'en')).rejects.toMatchObject({ status: 401 })
  })

  it('moves a studio lesson up and down among file and studio lessons, one place at a time', async () => {
    const make = (lessonId: string, afterLessonId: string | null) =>
      dal.studioLessons.create(author, { courseId: course.id, lessonId, afterLessonId, texts: newLessonTexts(lessonId) })
    await make('s-one', fileIds[0]!)
    await make('s-two', 's-one')
    expect(await editor.order(author, course.id)).toEqual([fileIds[0], 's-one', 's-two', ...fileIds.slice(1)])
    expect(await editor.move(author, course.id, 's-one', 'down')).toBe(true)
    expect(await editor.order(author, course.id)).toEqual([fileIds[0], 's-two', 's-one', ...fileIds.slice(1)])
    expect(await editor.move(author, course.id, 's-two', 'up')).toBe(true)
    expect(await editor.move(author, course.id, 's-two', 'up')).toBe(false) // already first
    expect(await editor.order(author, course.id)).toEqual(['s-two', fileIds[0], 's-one', ...fileIds.slice(1)])
    expect(await editor.move(author, course.id, fileIds[1]!, 'up')).toBe(false) // file lessons do not move
    await expect(editor.move(learner, course.id, 's-two', 'down')).rejects.toMatchObject({ status: 403 })
    expect(await editor.order(author, course.id)).toEqual(['s-two', fileIds[0], 's-one', ...fileIds.slice(1)])
  })

  it('orders and moves the lessons of a studio course, and starts one there as a copy of a file course’s lesson', async () => {
    const helm = { id: 'helm-basics', title: { ko: '헬름', en: 'Helm' }, description: { ko: '차트', en: 'Charts' } }
    await dal.studioCourses.create(author, helm, { lessonId: 'charts', afterLessonId: null, texts: newLessonTexts('charts') })
    await dal.studioLessons.create(author, {
      courseId: helm.id,
      lessonId: 'values',
      afterLessonId: 'charts',
      texts: newLessonTexts('values'),
    })
    expect(await editor.order(author, helm.id)).toEqual(['charts', 'values'])
    expect(await editor.move(author, helm.id, 'values', 'up')).toBe(true)
    expect(await editor.order(author, helm.id)).toEqual(['values', 'charts'])
    const copy = editor.startingTexts(helm.id, 'pods-again', { copyOf: fileIds[0]!, fromCourse: course.id })
    expect(copy?.lessonYaml).toMatch(/^id: pods-again$/m)
    expect(editor.startingTexts(helm.id, 'pods-again', { copyOf: fileIds[0]! })).toBeNull() // a studio course has no file lessons
  })
})
