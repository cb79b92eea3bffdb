/**
 * What a shell does with a command's standard input before the program runs: a here-document
 * (`kubectl apply -f - <<EOF`, its lines up to the one that is exactly `EOF`; `<<-EOF` strips leading tabs,
 * `<<'EOF'` quotes the word) or a redirection from a file (`< web.yaml`). The redirection words are removed, so
 * kubectl never sees them, as in bash. A command also goes on over the next line after a line that ends in a
 * backslash or inside an open quote. The terminal (`commandIncomplete`: bash's `> ` prompt) and the grader
 * (`joinCommandLines`) keep such lines with the command they continue.
 */
import { splitCommandLine, splitShellWords, type ShellWord } from './args.ts'

export interface ShellCommand {
  /** the command's words, without the redirection */
  words: string[]
  /** the here-document's text (each line with its newline) */
  hereDocument?: string
  /** `< FILE`: the file to read standard input from (the caller reads it) */
  inputFile?: string
}

interface Redirection {
  /** index of the first redirection word and how many words it takes */
  at: number
  length: number
  hereDocument?: { delimiter: string; stripTabs: boolean }
  inputFile?: string
}

/** The first here-document or `<` redirection among the words (`<<EOF`, `<< EOF`, `<<-EOF`, `<web.yaml`, `< web.yaml`). */
function findRedirection(shellWords: ShellWord[]): Redirection | { error: string } | null {
  const words = shellWords.map((w) => w.text)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (!shellWords[i]!.bare) continue // '<<EOF' in quotes is text
    const m = /^<<(-?)(.*)$/.exec(w)
    if (m && !w.startsWith('<<<')) {
      const delimiter = m[2] || words[i + 1]
      if (!delimiter) return { error: "bash: syntax error near unexpected token `newline'" }
      return { at: i, length: m[2] ? 1 : 2, hereDocument: { delimiter, stripTabs: m[1] === '-' } }
    }
    if (w.startsWith('<') && !w.startsWith('<<')) {
      const file = w.slice(1) || words[i + 1]
      if (!file) return { error: "bash: syntax error near unexpected token `newline'" }
      return { at: i, length: w.length > 1 ? 1 : 2, inputFile: file }
    }
  }
  return null
}

function firstLine(text: string): { line: string; rest: string[] } {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  return { line: lines[0]!, rest: lines.slice(1) }
}

/**
 * The here-document the command's first line opens, if any: its delimiter, and whether the lines typed so far
 * (after the first) already end it.
 */
export function hereDocumentOpen(text: string): { delimiter: string; closed: boolean; ends(line: string): boolean } | null {
  const { line, rest } = firstLine(text)
  const words = splitShellWords(line)
  if ('error' in words) return null
  const r = findRedirection(words)
  if (!r || 'error' in r || !r.hereDocument) return null
  const { delimiter, stripTabs } = r.hereDocument
  const ends = (l: string) => (stripTabs ? l.replace(/^\t+/, '') : l).replace(/\r$/, '') === delimiter
  return { delimiter, closed: rest.some(ends), ends }
}

/** A command as the shell runs it: its words and where its standard input comes from. */
export function parseShellCommand(text: string): ShellCommand | { error: string } {
  const { line, rest } = firstLine(text)
  const opened = splitShellWords(line)
  if ('error' in opened) {
    // a quote that goes on over the next lines (no redirection is looked for then)
    const words = splitCommandLine(text)
    return 'error' in words ? words : { words }
  }
  const r = findRedirection(opened)
  if (r && 'error' in r) return r
  if (!r) {
    // No redirection: further lines are more words, as before (a pasted command spread over lines).
    const words = splitCommandLine(text)
    return 'error' in words ? words : { words }
  }
  const texts = opened.map((w) => w.text)
  const words = [...texts.slice(0, r.at), ...texts.slice(r.at + r.length)]
  if (r.inputFile !== undefined) return { words, inputFile: r.inputFile }
  const { delimiter, stripTabs } = r.hereDocument!
  const body: string[] = []
  for (const l of rest) {
    const text = stripTabs ? l.replace(/^\t+/, '') : l
    if (text === delimiter) break
    body.push(text) // bash: without the delimiter line, the document ends at the end of input
  }
  return { words, hereDocument: body.map((l) => `${l}\n`).join('') }
}

/**
 * Whether the text typed so far is not a whole command yet, so bash would read another line: a here-document
 * without its closing word, a quote not closed, or a last line that ends in a backslash.
 */
export function commandIncomplete(text: string): boolean {
  const opened = hereDocumentOpen(text)
  if (opened) return !opened.closed
  if ('error' in splitShellWords(text)) return true
  const trailing = /\\+$/.exec(text)
  return trailing !== null && trailing[0].length % 2 === 1
}

/**
 * Commands one a line (a submission's text): a line whose command is incomplete (`commandIncomplete`) takes the
 * following lines into the same command, joined by newlines and kept as typed. `commandLine` reads a line that
 * starts a command (null: not a command, e.g. a blank line or a comment).
 */
export function joinCommandLines(lines: string[], commandLine: (line: string) => string | null = (line) => line): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    let command = commandLine(lines[i]!)
    if (command === null) continue
    while (commandIncomplete(command) && i + 1 < lines.length) command += `\n${lines[++i]}`
    out.push(command)
  }
  return out
}
