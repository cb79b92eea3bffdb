/**
 * What the terminal prints when it starts and after a reset: the greeting, and which files the learner has
 * (the editor's text is a file, `exercise.yaml`, that kubectl -f and cat read). Plain text with ANSI colours,
 * from translated messages, so it is tested without xterm or React.
 */
export interface BannerMessages {
  banner: string
  reset: string
  editorFile(file: string): string
  files(list: string): string
}

const DIM = '\x1b[2m'
const RESET = '\x1b[0m'

/** The files line(s): the editor's file named with what to type; the others listed when there are any. */
export function fileLines(m: BannerMessages, files: readonly string[] = [], editorFile?: string): string[] {
  const lines: string[] = []
  if (editorFile) lines.push(m.editorFile(editorFile))
  if (files.some((f) => f !== editorFile)) lines.push(m.files([...new Set(files)].join('  ')))
  return lines
}

export function startBanner(m: BannerMessages, files?: readonly string[], editorFile?: string): string {
  return [`${DIM}${m.banner}${RESET}`, ...fileLines(m, files, editorFile)].join('\n')
}

export function resetBanner(m: BannerMessages, files?: readonly string[], editorFile?: string): string {
  return [`${DIM}${m.reset}${RESET}`, ...fileLines(m, files, editorFile)].join('\n')
}
