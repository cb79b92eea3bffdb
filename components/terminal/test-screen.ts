/** A real terminal model (xterm's headless build) behind the session's `io`, for reading back the screen. */
import xterm from '@xterm/headless'
import type { TerminalIo } from './session'

export function testScreen(cols = 40, rows = 12) {
  const term = new xterm.Terminal({ cols, rows, scrollback: 200, allowProposedApi: true })
  const io: TerminalIo = {
    write: (text) => term.write(text),
    clearScreen: () => term.write('\x1b[H\x1b[2J\x1b[3J'),
    cols: () => cols,
  }
  const settle = () => new Promise<void>((resolve) => term.write('', resolve))
  return {
    io,
    /** the screen's rows without trailing spaces, trailing empty rows dropped */
    async lines(): Promise<string[]> {
      await settle()
      const buffer = term.buffer.active
      const out: string[] = []
      for (let i = 0; i < buffer.length; i++) out.push(buffer.getLine(i)!.translateToString(true).replace(/\s+$/, ''))
      while (out.length > 0 && out[out.length - 1] === '') out.pop()
      return out
    },
    /** cursor position: row counted from the top of the buffer (scrollback included), column */
    async cursor(): Promise<{ row: number; col: number }> {
      await settle()
      const b = term.buffer.active
      return { row: b.baseY + b.cursorY, col: b.cursorX }
    },
  }
}
