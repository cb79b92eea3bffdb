/**
 * A tiny POSIX-shell subset, enough for the commands course material puts in containers and probes:
 * `echo`, `sleep`, `exit`, `true`/`false`, `touch`/`rm`/`cat`/`tail [-n N] [-f|-F]`/`ls`, `date`, `hostname`, `env`,
 * `wget`/`curl`,
 * `;` `&&` `||`, `while`/`until`/`if`/`for`, `>`/`>>` redirection and $VARIABLES. Scripts compile to a small
 * instruction list; running one advances until it blocks in `sleep` or exits, so it lives in virtual time.
 */

import { compileShell, type ShellProgram } from './shell-parse.ts'

export { compileShell, singleCommand, type ShellProgram } from './shell-parse.ts'

export interface ShellState {
  pc: number
  status: number
  /** loop variable positions, by instruction index of the `for` */
  loops: Record<number, number>
  vars: Record<string, string>
  /** `tail -f`/`-F` in progress: the instruction, the file and how much of it has been printed */
  follow?: { pc: number; path: string; offset: number }
  /** a child shell (`sh -c …`, `sh FILE`) this one waits for; its output goes where the command's would */
  child?: ChildShell
}

interface ChildShell {
  program: ShellProgram
  state: ShellState
  redirect?: { path: string; append: boolean }
}

/** The shells an image's busybox provides under these names. */
const SHELLS = new Set(['sh', 'ash'])

/**
 * An ash error message: `sh: MSG`, or inside a script file or a builtin `sh: NAME: line N: MSG`
 * (shell/ash.c ash_vmsg: arg0, then commandname and the line when there is a commandname).
 */
function shellMessage(program: ShellProgram, msg: string, at?: { line?: number; builtin?: string }): string {
  const arg0 = program.arg0 ?? 'sh'
  const name = at?.builtin ?? program.script
  return name ? `${arg0}: ${name}: line ${at?.line ?? 1}: ${msg}` : `${arg0}: ${msg}`
}

/** How often a following `tail` looks at its file again (busybox sleeps a second between reads). */
export const TAIL_POLL_MS = 1000

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

function expand(word: string, ctx: ShellContext, vars: Record<string, string>, status = 0): string {
  return (
    word
      .replace(/\$\?/g, String(status))
      .replace(/\$\((hostname|date)\)/g, (_, cmd: string) => (cmd === 'hostname' ? ctx.hostname : shellDate(ctx)))
      .replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (_, name: string) => vars[name] ?? (name === 'HOSTNAME' ? ctx.hostname : (ctx.env[name] ?? '')),
      )
      // eslint-disable-next-line no-control-regex -- NUL stands in for an escaped $ while variables are expanded
      .replace(/\u0000/g, '$')
  )
}

function shellDate(ctx: ShellContext): string {
  const d = new Date(ctx.epoch + Math.floor(ctx.now / 1000) * 1000)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

/** Parses `sleep` operands: "5", "0.5", "1m", "1h 30m"; a first operand starting "inf" sleeps forever (coreutils/sleep.c). */
function sleepMs(args: string[]): number | undefined {
  if (args.length === 0) return undefined
  if (args[0]!.slice(0, 3).toLowerCase() === 'inf') return Infinity
  let total = 0
  for (const a of args) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a)
    if (!m) return undefined
    const n = Number(m[1])
    total += n * ({ '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!] ?? 1000)
  }
  return Math.round(total)
}

/** bb_show_usage for sleep without an operand (busybox's banner line left out: it names the build). */
const SLEEP_USAGE = [
  'Usage: sleep [N]...',
  '',
  'Pause for a time equal to the total of the args given, where each arg can',
  'have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays',
]

/** bb_show_usage for wget without a URL (first lines; the banner left out as for sleep). */
const WGET_USAGE = [
  'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]',
  '\t[--post-data STR | --post-file FILE] [-Y on/off]',
  '\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...',
]

const ESCAPES: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }

/**
 * busybox echo (coreutils/echo.c): leading words made only of n, e and E are options (-n: no newline, -e:
 * backslash escapes, -E: none, the default); any other word ends the options and is printed.
 */
function echoLines(args: string[]): string[] {
  let escapes = false
  let i = 0
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    for (const f of args[i]!.slice(1)) if (f !== 'n') escapes = f === 'e'
  }
  let text = args.slice(i).join(' ')
  if (escapes) {
    let out = ''
    for (let k = 0; k < text.length; k++) {
      const c = text[k]!
      if (c !== '\\' || k + 1 >= text.length) {
        out += c
        continue
      }
      const next = text[k + 1]!
      if (next === 'c') break // \c: nothing more, not even the newline
      const octal = /^0?([0-7]{1,3})/.exec(text.slice(k + 1))
      const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(k + 1))
      if (octal) {
        out += String.fromCharCode(Number.parseInt(octal[1]!, 8) & 255)
        k += octal[0].length
      } else if (hex) {
        out += String.fromCharCode(Number.parseInt(hex[1]!, 16))
        k += hex[0].length
      } else if (next in ESCAPES) {
        out += ESCAPES[next]
        k++
      } else out += c
    }
    text = out
  }
  return text.split('\n')
}

const MAX_STEPS = 10_000

/** Runs from state.pc until the script sleeps, exits or spins (a loop without sleep is cut off and sleeps forever). */
export function runShell(program: ShellProgram, start: ShellState, ctx: ShellContext): ShellStep {
  const state: ShellState = { pc: start.pc, status: start.status, loops: { ...start.loops }, vars: { ...start.vars } }
  if (start.follow) state.follow = { ...start.follow }
  const output: string[] = []
  if (start.child) {
    const waiting = runChild(state, start.child, ctx, output)
    if (waiting) return waiting
  }
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
        const argv = ins.argv.map((w) => expand(w, ctx, state.vars, state.status))
        const following = tailFollow(argv, ctx)
        if (following) {
          // `tail -f` never returns: print what is new, stay on this instruction and look again later
          const pc = state.pc - 1
          const r = followFile(following, ctx, state, pc)
          output.push(...r.lines)
          if (r.exit !== undefined) return { state, output, exit: r.exit }
          state.pc = pc
          return { state, output, sleepUntil: ctx.now + TAIL_POLL_MS }
        }
        const name = argv[0]!.replace(/^\/(usr\/)?s?bin\//, '')
        if (SHELLS.has(name) && ctx.tools.has(name)) {
          const child = childShell(argv, ctx)
          const redirect = ins.redirect ? { path: expand(ins.redirect.path, ctx, state.vars), append: ins.redirect.append } : undefined
          if ('program' in child) {
            const waiting = runChild(state, { program: child.program, state: newShellState(), redirect }, ctx, output)
            if (waiting) return waiting
          } else {
            state.status = child.status
            output.push(...child.lines) // ash's own messages go to stderr, past any `>`
          }
          continue
        }
        const r = runCommand(argv, ctx, state, { program, line: ins.line })
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

/**
 * How ash starts (shell/ash.c procargs): `-c SCRIPT` runs SCRIPT; a first operand is a script file, and a file
 * that cannot be opened ends the shell with status 2 (setinputfile sets 127, then the error exit sets 2);
 * no operand reads standard input, which is empty in a container without stdin: status 0.
 */
function childShell(argv: string[], ctx: ShellContext): { program: ShellProgram } | { status: number; lines: string[] } {
  const arg0 = argv[0]!
  let i = 1
  let minusC = false
  for (; i < argv.length && /^-[a-z]+$/.test(argv[i]!); i++) if (argv[i]!.includes('c')) minusC = true
  if (argv[i] === '--') i++
  const operand = argv[i]
  if (minusC) {
    if (operand === undefined) return { status: 2, lines: [`${arg0}: -c requires an argument`] }
    const p = compileShell(operand)
    if ('error' in p) return { status: 2, lines: [`${arg0}: ${p.error}`] }
    return { program: { ...p, arg0 } }
  }
  if (operand === undefined) return { program: { instrs: [], arg0 } }
  const text = ctx.files[operand]
  if (text === undefined) return { status: 2, lines: [`${arg0}: can't open '${operand}': No such file or directory`] }
  const p = compileShell(text)
  if ('error' in p) return { status: 2, lines: [`${arg0}: ${operand}: ${p.error}`] }
  return { program: { ...p, arg0, script: operand } }
}

/** Runs a child shell until it exits (its status becomes the parent's) or blocks (the parent waits with it). */
function runChild(state: ShellState, child: ChildShell, ctx: ShellContext, output: string[]): ShellStep | undefined {
  const r = runShell(child.program, child.state, ctx)
  let redirect = child.redirect
  if (redirect) {
    const text = r.output.map((l) => `${l}\n`).join('')
    ctx.files[redirect.path] = redirect.append ? (ctx.files[redirect.path] ?? '') + text : text
    redirect = { ...redirect, append: true }
  } else output.push(...r.output)
  if (r.exit !== undefined) {
    state.status = r.exit
    delete state.child
    return undefined
  }
  state.child = { ...child, state: r.state, ...(redirect ? { redirect } : {}) }
  return { state, output, sleepUntil: r.sleepUntil ?? Infinity }
}

interface TailArgs {
  lines: number
  follow: 'f' | 'F' | null
  path: string | undefined
}

/** `tail [-n N | -N] [-f|-F] FILE`, as busybox reads its options. */
function tailArgs(args: string[]): TailArgs | { error: string } {
  const out: TailArgs = { lines: 10, follow: null, path: undefined }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-f' || a === '-F') out.follow = a === '-F' ? 'F' : 'f'
    else if (a === '-n') {
      const n = Number(args[++i])
      if (!Number.isInteger(n) || n < 0) return { error: `tail: invalid number '${args[i] ?? ''}'` }
      out.lines = n
    } else if (/^-n\d+$/.test(a) || /^-\d+$/.test(a)) out.lines = Number(a.replace(/^-n?/, ''))
    else if (a.startsWith('-') && a.length > 1) return { error: `tail: unrecognized option '${a}'` }
    else out.path = a
  }
  return out
}

function lastLines(text: string, n: number): string[] {
  if (n === 0 || text === '') return []
  const lines = text.replace(/\n$/, '').split('\n')
  return lines.slice(Math.max(0, lines.length - n))
}

/** The arguments of a following `tail` this shell can run (`tail -f FILE`), else null. */
function tailFollow(argv: string[], ctx: ShellContext): TailArgs | null {
  if (argv[0]?.replace(/^\/(usr\/)?s?bin\//, '') !== 'tail' || !ctx.tools.has('tail')) return null
  const a = tailArgs(argv.slice(1))
  return 'error' in a || !a.follow || !a.path ? null : a
}

/**
 * One look at a followed file: the first time its last lines (or, with -f, an error and exit when it does not
 * exist; -F keeps waiting for it), then only the complete lines added since. A file that got shorter was
 * truncated: busybox says so and starts from its beginning.
 */
function followFile(a: TailArgs, ctx: ShellContext, state: ShellState, pc: number): { lines: string[]; exit?: number } {
  const path = a.path!
  const text = ctx.files[path]
  const lines: string[] = []
  if (state.follow?.pc !== pc || state.follow.path !== path) {
    if (text === undefined) {
      lines.push(`tail: can't open '${path}': No such file or directory`)
      if (a.follow === 'f') return { lines, exit: 1 }
      state.follow = { pc, path, offset: 0 }
      return { lines }
    }
    lines.push(...lastLines(text.slice(0, text.lastIndexOf('\n') + 1), a.lines))
    state.follow = { pc, path, offset: text.lastIndexOf('\n') + 1 }
    return { lines }
  }
  if (text === undefined) return { lines }
  let offset = state.follow.offset
  if (text.length < offset) {
    lines.push(`tail: ${path}: file truncated`)
    offset = 0
  }
  const end = text.lastIndexOf('\n') + 1
  if (end > offset) lines.push(...text.slice(offset, end).replace(/\n$/, '').split('\n'))
  state.follow.offset = Math.max(offset, end)
  return { lines }
}

/** Where a command runs: its program (for ash's message prefix) and script line. */
interface CommandSite {
  program: ShellProgram
  line: number | undefined
}

function runCommand(
  argv: string[],
  ctx: ShellContext,
  state: ShellState,
  site: CommandSite,
): { status: number; lines: string[]; sleep?: number; exit?: number } {
  const [cmd, ...args] = argv
  const name = cmd!.replace(/^\/(usr\/)?s?bin\//, '')
  if (!ctx.tools.has(name) && !['exit', 'true', 'false', 'echo', ':', 'test', '['].includes(name)) {
    // shell/ash.c find_command: "%s: not found", exit status 127
    return { status: 127, lines: [shellMessage(site.program, `${cmd}: not found`, { line: site.line })] }
  }
  switch (name) {
    case ':':
    case 'true':
      return { status: 0, lines: [] }
    case 'false':
      return { status: 1, lines: [] }
    case 'exit': {
      if (args.length === 0) return { status: 0, lines: [], exit: state.status }
      // ash's number(): digits only, else "Illegal number" and the shell's error exit (status 2)
      if (!/^\d+$/.test(args[0]!))
        return {
          status: 2,
          lines: [shellMessage(site.program, `Illegal number: ${args[0]}`, { line: site.line, builtin: 'exit' })],
          exit: 2,
        }
      return { status: 0, lines: [], exit: Number(args[0]) & 255 }
    }
    case 'echo':
      return { status: 0, lines: echoLines(args) }
    case 'sleep': {
      const operands = args[0] === '--' ? args.slice(1) : args
      if (operands.length === 0) return { status: 1, lines: SLEEP_USAGE }
      const ms = sleepMs(operands)
      if (ms === undefined)
        return { status: 1, lines: [`sleep: invalid number '${operands.find((a) => sleepMs([a]) === undefined) ?? operands[0]}'`] }
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
        if (f in ctx.files)
          lines.push(
            ...ctx.files[f]!.replace(/\n$/, '')
              .split('\n')
              .filter((l, i, a) => a.length > 1 || l !== ''),
          )
        else {
          lines.push(`cat: can't open '${f}': No such file or directory`)
          status = 1
        }
      }
      return { status, lines }
    }
    case 'tail': {
      // not following (tailFollow took those): the last lines, once
      const a = tailArgs(args)
      if ('error' in a) return { status: 1, lines: [a.error] }
      if (!a.path) return { status: 0, lines: [] } // no file: stdin, which is empty here
      const text = ctx.files[a.path]
      if (text === undefined) return { status: 1, lines: [`tail: can't open '${a.path}': No such file or directory`] }
      return { status: 0, lines: lastLines(text, a.lines) }
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
      if (!url && name === 'wget') return { status: 1, lines: WGET_USAGE }
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
