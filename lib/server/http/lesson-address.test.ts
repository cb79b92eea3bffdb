import { describe, expect, it } from 'vitest'
import { internalPagePath } from './lesson-address.ts'

const fileLessons = new Set(['basics/pod', 'basics/service'])
const isFileLesson = (courseId: string, lessonId: string) => fileLessons.has(`${courseId}/${lessonId}`)

describe('where a page address goes inside app/[locale]/', () => {
  it('keeps a file lesson on its prerendered route and every other page on its own', () => {
    expect(internalPagePath('ko', '/courses/basics/pod', isFileLesson)).toBe('/ko/courses/basics/pod')
    expect(internalPagePath('en', '/courses/basics', isFileLesson)).toBe('/en/courses/basics')
    expect(internalPagePath('en', '/', isFileLesson)).toBe('/en')
    expect(internalPagePath('ko', '/progress', isFileLesson)).toBe('/ko/progress')
  })

  it('sends a lesson address that names no file lesson to the studio lesson route', () => {
    expect(internalPagePath('ko', '/courses/basics/probes', isFileLesson)).toBe('/ko/studio-lesson/basics/probes')
    expect(internalPagePath('en', '/courses/basics/probes/', isFileLesson)).toBe('/en/studio-lesson/basics/probes')
  })

  it('answers the studio lesson route’s own address as an address no page has', () => {
    expect(internalPagePath('ko', '/studio-lesson/basics/probes', isFileLesson)).toBe('/ko/no-such-page')
    expect(internalPagePath('en', '/studio-lesson', isFileLesson)).toBe('/en/no-such-page')
    expect(internalPagePath('en', '/studio-lessons-guide', isFileLesson)).toBe('/en/studio-lessons-guide')
  })
})
