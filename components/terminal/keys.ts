/**
 * What the terminal receives (xterm's onData: typed keys as escape sequences, or pasted text) as a list of
 * editing keys. Unknown escape sequences are dropped rather than inserted as garbage.
 */
export type Key =
  | { type: 'text'; text: string }
  | {
      type:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'up'
        | 'down'
        | 'home'
        | 'end'
        | 'word-left'
        | 'word-right'
        | 'tab'
        | 'interrupt'
        | 'clear-screen'
        | 'kill-before'
        | 'kill-after'
        | 'kill-word'
        | 'eof'
    }

const ESCAPES: Record<string, Key['type']> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3C': 'word-right',
  '\x1b[1;3D': 'word-left',
  '\x1bf': 'word-right',
  '\x1bb': 'word-left',
}

const CONTROLS: Record<string, Key['type']> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x03': 'interrupt',
  '\x0c': 'clear-screen',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'kill-before',
  '\x0b': 'kill-after',
  '\x17': 'kill-word',
  '\x04': 'eof',
}

// CSI (ESC [ params final), SS3 (ESC O x), or ESC + one character (Alt+key).
// eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
const ESCAPE_SEQUENCE = /^\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/

export function parseInput(data: string): Key[] {
  const keys: Key[] = []
  let text = ''
  const flush = () => {
    if (text) keys.push({ type: 'text', text })
    text = ''
  }
  for (let i = 0; i < data.length;) {
    const ch = data[i]!
    if (ch === '\x1b') {
      const seq = ESCAPE_SEQUENCE.exec(data.slice(i))![0]
      flush()
      // Bracketed-paste markers carry no key of their own; the pasted text between them is read as typed.
      const type = ESCAPES[seq]
      if (type) keys.push({ type } as Key)
      i += seq.length
      continue
    }
    const control = CONTROLS[ch]
    if (control) {
      flush()
      // A pasted Windows line end is one Enter, not two.
      if (ch === '\r' && data[i + 1] === '\n') i++
      keys.push({ type: control } as Key)
    } else if (ch >= ' ') text += ch
    i++
  }
  flush()
  return keys
}
