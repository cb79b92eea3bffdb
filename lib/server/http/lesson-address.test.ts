import { describe, expect, it } from 'vitest'
import { internalPagePath, type FileContent } from './lesson-address.ts'

const fileLessons = new Set(['basics/pod', 'basics/service'])
const files: FileContent = {
  isFileCourse: (courseId) => courseId === 'basics',
  isFileLesson: (courseId, lessonId) => fileLessons.has(`${courseId}/${lessonId}`),
}

describe('where a page address goes inside app/[locale]/', () => {
  it('keeps a file course and lesson on their prerendered routes and every other page on its own', () => {
    expect(internalPagePath('ko', '/courses/basics/pod', files)).toBe('/ko/courses/basics/pod')
    expect(internalPagePath('en', '/courses/basics', files)).toBe('/en/courses/basics')
    expect(internalPagePath('en', '/', files)).toBe('/en')
    expect(internalPagePath('ko', '/progress', files)).toBe('/ko/progress')
  })

  it('keeps a file course’s glossary on its prerendered route; a studio course has none', () => {
    expect(internalPagePath('ko', '/courses/basics/glossary', files)).toBe('/ko/courses/basics/glossary')
    expect(internalPagePath('en', '/courses/helm-basics/glossary', files)).toBe('/en/studio-lesson/helm-basics/glossary')
  })

  it('sends a lesson address that names no file lesson to the studio lesson route', () => {
    expect(internalPagePath('ko', '/courses/basics/probes', files)).toBe('/ko/studio-lesson/basics/probes')
    expect(internalPagePath('en', '/courses/basics/probes/', files)).toBe('/en/studio-lesson/basics/probes')
    expect(internalPagePath('ko', '/courses/helm-basics/charts', files)).toBe('/ko/studio-lesson/helm-basics/charts')
  })

  it('sends a course address that names no file course to the studio course route', () => {
    expect(internalPagePath('ko', '/courses/helm-basics', files)).toBe('/ko/studio-course/helm-basics')
    expect(internalPagePath('en', '/courses/helm-basics/', files)).toBe('/en/studio-course/helm-basics')
  })

  it('answers the studio routes’ own addresses as an address no page has', () => {
    expect(internalPagePath('ko', '/studio-lesson/basics/probes', files)).toBe('/ko/no-such-page')
    expect(internalPagePath('en', '/studio-lesson', files)).toBe('/en/no-such-page')
    expect(internalPagePath('ko', '/studio-course/helm-basics', files)).toBe('/ko/no-such-page')
    expect(internalPagePath('en', '/studio-course', files)).toBe('/en/no-such-page')
    expect(internalPagePath('en', '/studio-lessons-guide', files)).toBe('/en/studio-lessons-guide')
    expect(internalPagePath('en', '/studio-courses-guide', files)).toBe('/en/studio-courses-guide')
  })
})
