import { describe, expect, it } from 'vitest'
import { fileLines, resetBanner, startBanner, type BannerMessages } from './banner'

const m: BannerMessages = {
  banner: 'Connected.',
  reset: 'The cluster was reset.',
  editorFile: (file) => `Your editor's text is the file ${file}.`,
  files: (list) => `Files: ${list}`,
}

describe('the terminal banner', () => {
  it("names the editor's file, and lists the files only when there are others", () => {
    expect(fileLines(m, ['exercise.yaml'], 'exercise.yaml')).toEqual(["Your editor's text is the file exercise.yaml."])
    expect(fileLines(m, ['exercise.yaml', 'web.yaml'], 'exercise.yaml')).toEqual([
      "Your editor's text is the file exercise.yaml.",
      'Files: exercise.yaml  web.yaml',
    ])
    expect(fileLines(m, ['web.yaml'])).toEqual(['Files: web.yaml'])
  })

  it('says nothing about files in a command exercise, which has none', () => {
    expect(fileLines(m)).toEqual([])
    expect(startBanner(m)).toBe('\x1b[2mConnected.\x1b[0m')
  })

  it('starts with the greeting and, after a reset, with the reset line, dimmed, then the files', () => {
    expect(startBanner(m, ['exercise.yaml'], 'exercise.yaml')).toBe(
      "\x1b[2mConnected.\x1b[0m\nYour editor's text is the file exercise.yaml.",
    )
    expect(resetBanner(m, ['exercise.yaml'], 'exercise.yaml')).toBe(
      "\x1b[2mThe cluster was reset.\x1b[0m\nYour editor's text is the file exercise.yaml.",
    )
  })
})
