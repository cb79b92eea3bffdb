/**
 * The shell subset's parser: tokens (quotes, `;` `&&` `||` `>` `>>`) and a small compiler to jump-based
 * instructions (`while`/`until`/`if`/`for`), run by shell.ts.
 */

export type Instr =
  /** `line`: the script line the command starts on (ash's error messages name it) */
  | { op: 'cmd'; argv: string[]; redirect?: { path: string; append: boolean }; line?: number }
  | { op: 'jmp'; to: number }
  | { op: 'jz'; to: number }
  | { op: 'jnz'; to: number }
  | { op: 'for'; name: string; words: string[]; end: number }
  | { op: 'next'; loop: number }

export interface ShellProgram {
  instrs: Instr[]
  /** how the shell was invoked (`sh`, `/bin/sh`): ash starts every error message with it */
  arg0?: string
  /** the script file it runs (`sh FILE`): ash names it, and the line, in error messages */
  script?: string
}

type Token = { t: 'word'; v: string; quoted: boolean; line: number } | { t: 'op'; v: string }

export function tokenize(script: string): Token[] | { error: string } {
  const out: Token[] = []
  let i = 0
  let line = 1
  while (i < script.length) {
    const c = script[i]!
    if (c === ' ' || c === '\t') {
      i++
      continue
    }
    if (c === '#') {
      while (i < script.length && script[i] !== '\n') i++
      continue
    }
    if (c === '\n' || c === ';') {
      out.push({ t: 'op', v: ';' })
      if (c === '\n') line++
      i++
      continue
    }
    if (script.startsWith('&&', i) || script.startsWith('||', i) || script.startsWith('>>', i)) {
      out.push({ t: 'op', v: script.slice(i, i + 2) })
      i += 2
      continue
    }
    if (c === '>' || c === '&' || c === '|') {
      out.push({ t: 'op', v: c })
      i++
      continue
    }
    let word = ''
    let quoted = false
    const wordLine = line
    while (i < script.length && !' \t\n;&|>'.includes(script[i]!)) {
      const ch = script[i]!
      if (ch === "'" || ch === '"') {
        quoted = true
        const end = script.indexOf(ch, i + 1)
        if (end < 0) return { error: `syntax error: unterminated quoted string` }
        const inner = script.slice(i + 1, end)
        line += inner.split('\n').length - 1
        word += ch === "'" ? inner.replace(/\$/g, '\u0000') : inner
        i = end + 1
      } else if (ch === '\\' && i + 1 < script.length) {
        word += script[i + 1]
        i += 2
      } else if (ch === '$' && script[i + 1] === '(') {
        const end = script.indexOf(')', i)
        if (end < 0) return { error: 'syntax error: unterminated $(' }
        word += script.slice(i, end + 1)
        i = end + 1
      } else {
        word += ch
        i++
      }
    }
    out.push({ t: 'word', v: word, quoted, line: wordLine })
  }
  return out
}

const KEYWORDS = new Set(['while', 'until', 'do', 'done', 'if', 'then', 'else', 'elif', 'fi', 'for', 'in'])

class Parser {
  pos = 0
  instrs: Instr[] = []
  constructor(private tokens: Token[]) {}
  peek(): Token | undefined {
    return this.tokens[this.pos]
  }
  isWord(v: string): boolean {
    const t = this.peek()
    return t?.t === 'word' && !t.quoted && t.v === v
  }
  skipSeparators(): void {
    while (this.peek()?.t === 'op' && this.peek()!.v === ';') this.pos++
  }
  expect(v: string): void {
    this.skipSeparators()
    if (!this.isWord(v)) throw new Error(`syntax error: unexpected ${this.tokenName()} (expecting "${v}")`)
    this.pos++
  }
  /** ash's tokname: `end of file` and `word` bare, keywords and operators quoted */
  tokenName(): string {
    const t = this.peek()
    if (!t) return 'end of file'
    if (t.t === 'op') return `"${t.v}"`
    return !t.quoted && KEYWORDS.has(t.v) ? `"${t.v}"` : 'word'
  }
  /** parses commands until one of the `stops` keywords (not consumed) or the end */
  list(stops: string[]): void {
    for (;;) {
      this.skipSeparators()
      const t = this.peek()
      if (!t) return
      if (t.t === 'word' && !t.quoted && stops.includes(t.v)) return
      this.andOr(stops)
    }
  }
  andOr(stops: string[]): void {
    this.command(stops)
    for (;;) {
      const t = this.peek()
      if (t?.t !== 'op' || (t.v !== '&&' && t.v !== '||')) return
      this.pos++
      const jump: Instr = t.v === '&&' ? { op: 'jnz', to: -1 } : { op: 'jz', to: -1 }
      this.instrs.push(jump)
      this.command(stops)
      ;(jump as { to: number }).to = this.instrs.length
    }
  }
  command(stops: string[]): void {
    this.skipSeparators()
    if (this.isWord('while') || this.isWord('until')) {
      const until = this.isWord('until')
      this.pos++
      const top = this.instrs.length
      this.list(['do'])
      this.expect('do')
      const exitJump: Instr = until ? { op: 'jz', to: -1 } : { op: 'jnz', to: -1 }
      this.instrs.push(exitJump)
      this.list(['done'])
      this.expect('done')
      this.instrs.push({ op: 'jmp', to: top })
      ;(exitJump as { to: number }).to = this.instrs.length
      return
    }
    if (this.isWord('if')) {
      this.pos++
      const ends: Instr[] = []
      for (;;) {
        this.list(['then'])
        this.expect('then')
        const skip: Instr = { op: 'jnz', to: -1 }
        this.instrs.push(skip)
        this.list(['elif', 'else', 'fi'])
        const end: Instr = { op: 'jmp', to: -1 }
        this.instrs.push(end)
        ends.push(end)
        ;(skip as { to: number }).to = this.instrs.length
        this.skipSeparators()
        if (this.isWord('elif')) {
          this.pos++
          continue
        }
        if (this.isWord('else')) {
          this.pos++
          this.list(['fi'])
        }
        this.expect('fi')
        break
      }
      for (const e of ends) (e as { to: number }).to = this.instrs.length
      return
    }
    if (this.isWord('for')) {
      this.pos++
      const name = this.peek()
      if (name?.t !== 'word') throw new Error('syntax error: bad for loop variable')
      this.pos++
      const words: string[] = []
      if (this.isWord('in')) {
        this.pos++
        while (this.peek()?.t === 'word' && !this.isWord('do')) words.push((this.tokens[this.pos++] as { v: string }).v)
      }
      this.expect('do')
      const loop: Instr = { op: 'for', name: name.v, words, end: -1 }
      const at = this.instrs.length
      this.instrs.push(loop)
      this.list(['done'])
      this.expect('done')
      this.instrs.push({ op: 'next', loop: at })
      ;(loop as { end: number }).end = this.instrs.length
      return
    }
    const argv: string[] = []
    const first = this.peek()
    const line = first?.t === 'word' ? first.line : undefined
    let redirect: { path: string; append: boolean } | undefined
    for (;;) {
      const t = this.peek()
      if (!t) break
      if (t.t === 'op') {
        if (t.v === '>' || t.v === '>>') {
          this.pos++
          const target = this.peek()
          if (target?.t !== 'word') throw new Error('syntax error: missing redirection target')
          this.pos++
          redirect = { path: target.v, append: t.v === '>>' }
          continue
        }
        if (t.v === '&') {
          this.pos++
          continue
        }
        break
      }
      if (argv.length === 0 && !t.quoted && (stops.includes(t.v) || KEYWORDS.has(t.v))) {
        if (stops.includes(t.v)) break
        throw new Error(`syntax error: unexpected "${t.v}"`)
      }
      argv.push(t.v)
      this.pos++
    }
    if (argv.length === 0) throw new Error(`syntax error: unexpected ${this.tokenName()}`)
    this.instrs.push({ op: 'cmd', argv, ...(redirect ? { redirect } : {}), ...(line !== undefined ? { line } : {}) })
  }
}

export function compileShell(script: string): ShellProgram | { error: string } {
  const tokens = tokenize(script)
  if ('error' in tokens) return tokens
  const p = new Parser(tokens)
  try {
    p.list([])
    if (p.pos < tokens.length) return { error: 'syntax error: unexpected token' }
  } catch (e) {
    return { error: (e as Error).message }
  }
  return { instrs: p.instrs }
}

/** A program that runs one command (a container's command without a shell). */
export function singleCommand(argv: string[]): ShellProgram {
  return { instrs: [{ op: 'cmd', argv: argv.map((a) => a.replace(/\$/g, '\u0000')) }] }
}
