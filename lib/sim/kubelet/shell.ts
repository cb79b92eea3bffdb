/**
 * A tiny POSIX-shell subset, enough for the commands course material puts in containers and probes:
 * `echo`, `sleep`, `exit`, `true`/`false`, `touch`/`rm`/`cat`/`ls`, `date`, `hostname`, `env`, `wget`/`curl`,
 * `;` `&&` `||`, `while`/`until`/`if`/`for`, `>`/`>>` redirection and $VARIABLES. Scripts compile to a small
 * instruction list; running one advances until it blocks in `sleep` or exits, so it lives in virtual time.
 */

import type { ShellProgram } from './shell-parse.ts'

export { compileShell, singleCommand, tokenize, type Instr, type ShellProgram } from './shell-parse.ts'

export interface ShellState {
  pc: number
  status: number
  /** loop variable positions, by instruction index of the `for` */
  loops: Record<number, number>
  vars: Record<string, string>
}

export interface ShellContext {
  now: number
  epoch: number
  hostname: string
  tools: Set<string>
  files: Record<string, string>
  env: Record<string, string>
  http?: (url: string) => { ok: true; body: string } | { ok: false; error: string }
}

export interface ShellStep {
  state: ShellState
  output: string[]
  /** blocked in sleep until this virtual time (Infinity: forever) */
  sleepUntil?: number
  /** the shell exited with this status */
  exit?: number
}

export function newShellState(): ShellState {
  return { pc: 0, status: 0, loops: {}, vars: {} }
}

function expand(word: string, ctx: ShellContext, vars: Record<string, string>): string {
  return word
    .replace(/\$\((hostname|date)\)/g, (_, cmd: string) => (cmd === 'hostname' ? ctx.hostname : shellDate(ctx)))
    .replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => vars[name] ?? (name === 'HOSTNAME' ? ctx.hostname : ctx.env[name] ?? ''))
    .replace(/\u0000/g, '$')
}

function shellDate(ctx: ShellContext): string {
  const d = new Date(ctx.epoch + Math.floor(ctx.now / 1000) * 1000)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

/** Parses `sleep` arguments: "5", "0.5", "1m", "infinity". */
function sleepMs(args: string[]): number | undefined {
  if (args.length === 0) return undefined
  let total = 0
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a)
    if (!m) return undefined
    const n = Number(m[1])
    total += n * ({ '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!] ?? 1000)
  }
  return Math.round(total)
}

const MAX_STEPS = 10_000

/** Runs from state.pc until the script sleeps, exits or spins (a loop without sleep is cut off and sleeps forever). */
export function runShell(program: ShellProgram, start: ShellState, ctx: ShellContext): ShellStep {
  const state: ShellState = { pc: start.pc, status: start.status, loops: { ...start.loops }, vars: { ...start.vars } }
  const output: string[] = []
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const ins = program.instrs[state.pc]
    if (!ins) return { state, output, exit: state.status }
    state.pc++
    switch (ins.op) {
      case 'jmp':
        state.pc = ins.to
        continue
      case 'jz':
        if (state.status === 0) state.pc = ins.to
        continue
      case 'jnz':
        if (state.status !== 0) state.pc = ins.to
        continue
      case 'for': {
        const at = state.pc - 1
        const i = state.loops[at] ?? 0
        if (i >= ins.words.length) {
          delete state.loops[at]
          state.pc = ins.end
          continue
        }
        state.vars[ins.name] = expand(ins.words[i]!, ctx, state.vars)
        state.loops[at] = i + 1
        continue
      }
      case 'next':
        state.pc = ins.loop
        continue
      case 'cmd': {
        const argv = ins.argv.map((w) => expand(w, ctx, state.vars))
        const r = runCommand(argv, ctx, state)
        if (r.exit !== undefined) {
          output.push(...r.lines)
          return { state, output, exit: r.exit }
        }
        state.status = r.status
        if (ins.redirect) {
          const path = expand(ins.redirect.path, ctx, state.vars)
          const text = r.lines.map((l) => `${l}\n`).join('')
          ctx.files[path] = ins.redirect.append ? (ctx.files[path] ?? '') + text : text
        } else output.push(...r.lines)
        if (r.sleep !== undefined) return { state, output, sleepUntil: ctx.now + r.sleep }
        continue
      }
    }
  }
  output.push('(busy loop without sleep: the simulator stops running this script)')
  return { state, output, sleepUntil: Infinity }
}

function runCommand(argv: string[], ctx: ShellContext, state: ShellState): { status: number; lines: string[]; sleep?: number; exit?: number } {
  const [cmd, ...args] = argv
  const name = cmd!.replace(/^\/(usr\/)?s?bin\//, '')
  if (!ctx.tools.has(name) && !['exit', 'true', 'false', 'echo', ':', 'test', '['].includes(name)) {
    return { status: 127, lines: [`sh: ${cmd}: not found`] }
  }
  switch (name) {
    case ':':
    case 'true':
      return { status: 0, lines: [] }
    case 'false':
      return { status: 1, lines: [] }
    case 'exit': {
      const n = args.length ? Number.parseInt(args[0]!, 10) : state.status
      return { status: 0, lines: [], exit: Number.isFinite(n) ? n & 255 : 2 }
    }
    case 'echo': {
      const noNewline = args[0] === '-n'
      return { status: 0, lines: [(noNewline ? args.slice(1) : args).join(' ')] }
    }
    case 'sleep': {
      const ms = sleepMs(args)
      if (ms === undefined) return { status: 1, lines: [`sleep: invalid number '${args[0] ?? ''}'`] }
      return { status: 0, lines: [], sleep: ms }
    }
    case 'touch':
      for (const f of args) ctx.files[f] = ctx.files[f] ?? ''
      return { status: 0, lines: [] }
    case 'mkdir':
      return { status: 0, lines: [] }
    case 'rm': {
      const force = args.some((a) => a.startsWith('-') && a.includes('f'))
      const lines: string[] = []
      let status = 0
      for (const f of args.filter((a) => !a.startsWith('-'))) {
        if (f in ctx.files) delete ctx.files[f]
        else if (!force) {
          lines.push(`rm: can't remove '${f}': No such file or directory`)
          status = 1
        }
      }
      return { status, lines }
    }
    case 'cat': {
      const lines: string[] = []
      let status = 0
      for (const f of args) {
        if (f in ctx.files) lines.push(...ctx.files[f]!.replace(/\n$/, '').split('\n').filter((l, i, a) => a.length > 1 || l !== ''))
        else {
          lines.push(`cat: can't open '${f}': No such file or directory`)
          status = 1
        }
      }
      return { status, lines }
    }
    case 'ls':
      return { status: 0, lines: Object.keys(ctx.files).sort() }
    case 'date':
      return { status: 0, lines: [shellDate(ctx)] }
    case 'hostname':
      return { status: 0, lines: [ctx.hostname] }
    case 'env':
    case 'printenv':
      return { status: 0, lines: Object.entries({ HOSTNAME: ctx.hostname, ...ctx.env }).map(([k, v]) => `${k}=${v}`) }
    case 'test':
    case '[': {
      const a = args.filter((x) => x !== ']')
      if (a[0] === '-f' || a[0] === '-e') return { status: a[1]! in ctx.files ? 0 : 1, lines: [] }
      return { status: a.length > 0 && a[0] !== '' ? 0 : 1, lines: [] }
    }
    case 'wget':
    case 'curl': {
      const url = args.filter((a) => !a.startsWith('-') && a !== '-qO-' && a !== '-O-').pop()
      if (!url || !ctx.http) return { status: 1, lines: [`${name}: missing URL`] }
      const r = ctx.http(url)
      if (r.ok) return { status: 0, lines: r.body.replace(/\n$/, '').split('\n') }
      return { status: name === 'curl' ? 7 : 1, lines: [r.error] }
    }
    default:
      // a server binary run from a script (e.g. `nginx -g 'daemon off;'`) blocks forever
      return { status: 0, lines: [], sleep: Infinity }
  }
}
