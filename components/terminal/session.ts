/**
 * A shell-like session over a terminal screen: reads keys, edits the line, runs commands one at a time, prints
 * their output and the prompt again. Knows nothing of xterm or React — the screen is an `io` with `write` —
 * so it is tested by typing into it and reading what it wrote.
 */
import { applyCompletion, formatColumns } from './completion'
import { parseInput, type Key } from './keys'
import { editKey, emptyLine, lineWidths, renderLine, type LineState } from './line-editor'
import { charWidth, visibleWidth } from './text-width'
import { commandIncomplete } from '@/lib/sim/kubectl/shell-input'

/** bash's PS2: the prompt of a line that continues a command (a here-document's lines, after a `\` or in a quote). */
export const CONTINUATION_PROMPT = '> '

export interface TerminalIo {
  write(text: string): void
  clearScreen(): void
  cols(): number
}

/** What a command answers: the simulator's RunResult (lib/sim/cluster.ts), or the part of it the session uses. */
export interface CommandAnswer {
  ok: boolean
  output: string
  /** a simulator limit with a translated explanation (e.g. `stdinNotSupported`), printed instead of `output` */
  notice?: string
}

export interface SessionOptions {
  /** shown before each line; may hold ANSI colour codes */
  prompt: string
  run(command: string): Promise<CommandAnswer>
  complete(line: string): Promise<string[]>
  /**
   * translated text: "n more" under a long completion list, how a failed request is reported, and the
   * learner's-language explanation of a notice (undefined: the simulator's own output is printed)
   */
  messages: { more(count: number): string; failed(reason: string): string; notice?(code: string): string | undefined }
  history?: string[]
  onHistory?(history: string[]): void
  /** at most this many completion candidates are listed */
  maxListed?: number
}

const RED = '\x1b[31m'
const YELLOW = '\x1b[33m'
const RESET = '\x1b[0m'
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n')

export class TerminalSession {
  private line: LineState
  private cursorRow = 0
  private queue: Key[] = []
  private pumping = false
  private interrupted = false
  private readonly promptWidth: number
  /** the lines of a command still being typed (a here-document, a `\` at the end, an open quote), so far */
  private continued: string[] | null = null

  constructor(
    private readonly io: TerminalIo,
    private readonly options: SessionOptions,
  ) {
    this.line = emptyLine(options.history)
    this.promptWidth = visibleWidth(options.prompt)
  }

  /** Prints an optional banner and the first prompt. */
  start(banner?: string): void {
    if (banner) this.io.write(crlf(banner.endsWith('\n') ? banner : `${banner}\n`))
    this.showPrompt()
  }

  /**
   * A fresh start on the same session (the workspace reset the cluster): the screen is cleared, `text` is
   * printed, and the prompt comes back with the line being typed. A command still running then belonged to
   * the old cluster: its output is dropped, and the prompt follows when it ends.
   */
  restart(text: string): void {
    this.continued = null
    this.io.clearScreen()
    this.io.write(crlf(text.endsWith('\n') ? text : `${text}\n`))
    this.cursorRow = 0
    if (this.pumping) {
      this.interrupted = true
      return
    }
    this.showPrompt()
  }

  get busy(): boolean {
    return this.pumping
  }

  get current(): LineState {
    return this.line
  }

  /** What xterm's onData delivered: typed keys or pasted text. Resolves when all of it has been handled. */
  async input(data: string): Promise<void> {
    const keys = parseInput(data)
    if (this.pumping && keys.some((k) => k.type === 'interrupt')) {
      // Ctrl+C while a command runs: forget what was typed ahead and drop that command's output.
      this.queue = []
      this.interrupted = true
      this.io.write('^C\r\n')
      return
    }
    this.queue.push(...keys)
    if (!this.pumping) await this.pump()
  }

  private async pump(): Promise<void> {
    this.pumping = true
    try {
      while (this.queue.length > 0) await this.handle(this.queue.shift()!)
    } finally {
      this.pumping = false
    }
  }

  private async handle(key: Key): Promise<void> {
    const before = this.line
    const { state, action } = editKey(before, key)
    this.line = state
    switch (action?.type) {
      case undefined:
        return this.update(before, key)
      case 'bell':
        return
      case 'submit': {
        this.moveToEnd(before)
        this.io.write('\r\n')
        const command = this.continue(before, action.line)
        if (command !== null) await this.execute(command)
        return this.showPrompt()
      }
      case 'interrupt':
        this.moveToEnd(before)
        this.io.write('^C\r\n')
        // bash drops a here-document being typed
        this.continued = null
        return this.showPrompt()
      case 'clear-screen':
        this.io.clearScreen()
        return this.showPrompt()
      case 'complete':
        // on a continuation line Tab has nothing to complete (a here-document's lines are text)
        return this.continued ? undefined : this.complete()
    }
  }

  /**
   * A submitted line: the whole command to run, or null while the command goes on (bash's `> ` prompt follows).
   * Only the first line of a command over several lines is kept in the history, since ↑ recalls one line.
   */
  private continue(before: LineState, line: string): string | null {
    if (this.continued) {
      this.continued.push(line)
      this.line = emptyLine(before.history)
      const command = this.continued.join('\n')
      if (commandIncomplete(command)) return null
      this.continued = null
      return command
    }
    if (commandIncomplete(line)) {
      this.continued = [line]
      return null
    }
    return line
  }

  private get prompt(): { text: string; width: number } {
    return this.continued
      ? { text: CONTINUATION_PROMPT, width: CONTINUATION_PROMPT.length }
      : { text: this.options.prompt, width: this.promptWidth }
  }

  private async execute(command: string): Promise<void> {
    this.options.onHistory?.(this.line.history)
    const trimmed = command.trim()
    if (!trimmed) return
    if (trimmed === 'clear') {
      this.io.clearScreen()
      return
    }
    this.interrupted = false
    let text: string
    try {
      const result = await this.options.run(trimmed)
      const explained = result.notice ? this.options.messages.notice?.(result.notice) : undefined
      text = explained ? `${YELLOW}${explained}${RESET}\n` : result.output
    } catch (err) {
      text = `${RED}${this.options.messages.failed(err instanceof Error ? err.message : String(err))}${RESET}\n`
    }
    if (this.interrupted) return
    if (text) this.io.write(crlf(text.endsWith('\n') ? text : `${text}\n`))
  }

  private async complete(): Promise<void> {
    let candidates: string[]
    try {
      candidates = await this.options.complete(this.line.chars.slice(0, this.line.cursor).join(''))
    } catch {
      candidates = []
    }
    const before = this.line
    const result = applyCompletion(before, candidates)
    if (!result.list) {
      this.line = result.state
      return this.redraw()
    }
    const max = this.options.maxListed ?? 100
    const lines = formatColumns(result.list.slice(0, max), this.io.cols())
    if (result.list.length > max) lines.push(this.options.messages.more(result.list.length - max))
    this.moveToEnd(before)
    this.io.write(`\r\n${lines.join('\r\n')}\r\n`)
    this.showPrompt()
  }

  /** Puts the terminal cursor after the last character of the line (before printing below it). */
  private moveToEnd(s: LineState): void {
    const atEnd = { ...s, cursor: s.chars.length }
    const r = renderLine(this.prompt.text, this.prompt.width, atEnd, this.io.cols(), this.cursorRow)
    this.io.write(r.text)
    this.cursorRow = 0
  }

  private showPrompt(): void {
    this.cursorRow = 0
    this.redraw()
  }

  private redraw(): void {
    const r = renderLine(this.prompt.text, this.prompt.width, this.line, this.io.cols(), this.cursorRow)
    this.io.write(r.text)
    this.cursorRow = r.cursorRow
  }

  /**
   * After an edit: typing or erasing at the end of the line within one row is written as is (a screen reader
   * then hears just that character); anything else redraws the line.
   */
  private update(before: LineState, key: Key): void {
    const cols = Math.max(1, this.io.cols())
    const atEnd = before.cursor === before.chars.length && this.line.cursor === this.line.chars.length
    const was = lineWidths(this.prompt.width, before)
    const now = lineWidths(this.prompt.width, this.line)
    const sameRow = Math.floor(was.total / cols) === Math.floor(now.total / cols) && now.total % cols !== 0 && was.total % cols !== 0
    if (atEnd && sameRow && key.type === 'text') {
      this.io.write(key.text)
      return
    }
    if (atEnd && sameRow && key.type === 'backspace') {
      const erased = charWidth(before.chars[before.chars.length - 1]!)
      this.io.write(`${'\b'.repeat(erased)}\x1b[K`)
      return
    }
    if (before === this.line) return
    this.redraw()
  }
}
