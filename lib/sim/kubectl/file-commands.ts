/**
 * The few shell programs a person types to look at a file before applying it: `cat`, `ls`, `head`, `wc`, on
 * the home directory of files.ts, with GNU coreutils' output and error texts. They read files only: writing
 * happens in the editor. `-` or no file reads standard input (`cat <<EOF`, `wc -l < web.yaml`; shell-input.ts).
 */
import { listFiles, resolvePath } from '../files.ts'
import type { ClusterState } from '../state.ts'
import { STDIN_NOT_SUPPORTED } from './manifest-files.ts'
import type { CommandResult } from './result.ts'
import type { HomeFile } from '../model.ts'

type Lookup = { file: HomeFile; name: string } | { directory: true } | { missing: true }

const STDIN = '-'

function lookup(state: ClusterState, path: string, stdin?: string): Lookup {
  if (path === STDIN && stdin !== undefined)
    return { file: { text: stdin, bytes: new TextEncoder().encode(stdin).length, modified: 0 }, name: STDIN }
  const r = resolvePath(path)
  if ('home' in r) return { directory: true }
  const file = 'file' in r ? state.files.get(r.file) : undefined
  return file && 'file' in r ? { file, name: r.file } : { missing: true }
}

/** Options before the operands (`-n 5`, `-l`, `--lines=5`); `--` ends them. */
function splitOptions(args: string[]): { options: string[]; operands: string[] } {
  const options: string[] = []
  const operands: string[] = []
  let ended = false
  for (const a of args) {
    if (!ended && a === '--') ended = true
    else if (!ended && a.startsWith('-') && a !== '-') options.push(a)
    else operands.push(a)
  }
  return { options, operands }
}

function fail(output: string, exitCode = 1): CommandResult {
  return { ok: false, output, exitCode }
}

/** No file operand means standard input; reading it needs one from the shell. */
function withStdin(operands: string[], stdin: string | undefined): string[] | CommandResult {
  const paths = operands.length ? operands : [STDIN]
  return paths.includes(STDIN) && stdin === undefined ? STDIN_NOT_SUPPORTED : paths
}

export function runCat(state: ClusterState, args: string[], stdin?: string): CommandResult {
  const { options, operands: given } = splitOptions(args)
  const operands = withStdin(given, stdin)
  if (!Array.isArray(operands)) return operands
  const number = options.some((o) => o === '--number' || (/^-[a-zA-Z]+$/.test(o) && o.includes('n')))
  let out = ''
  let errors = ''
  let line = 0
  for (const path of operands) {
    const f = lookup(state, path, stdin)
    if ('missing' in f) errors += `cat: ${path}: No such file or directory\n`
    else if ('directory' in f) errors += `cat: ${path}: Is a directory\n`
    else if (!number) out += f.file.text
    else for (const l of f.file.text.split(/(?<=\n)/)) if (l) out += `${String(++line).padStart(6)}\t${l}`
  }
  return errors ? fail(out + errors) : { ok: true, output: out }
}

function lineCount(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `ls -l`'s time column for a recent file: `Jan  1 09:00`. */
function lsTime(epochMs: number): string {
  const d = new Date(epochMs)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

export function runLs(state: ClusterState, args: string[]): CommandResult {
  const { options, operands } = splitOptions(args)
  let long = false
  let all = false
  for (const o of options) {
    if (o === '--all') all = true
    else if (/^-[a-zA-Z1]+$/.test(o)) {
      for (const ch of o.slice(1)) {
        if (ch === 'l') long = true
        else if (ch === 'a' || ch === 'A') all ||= ch === 'a'
        else if (ch !== '1' && ch !== 'h') return fail(`ls: invalid option -- '${ch}'\nTry 'ls --help' for more information.\n`, 2)
      }
    } else return fail(`ls: unrecognized option '${o}'\nTry 'ls --help' for more information.\n`, 2)
  }
  const names: string[] = []
  let errors = ''
  for (const path of operands.length ? operands : ['.']) {
    const f = lookup(state, path)
    if ('missing' in f) errors += `ls: cannot access '${path}': No such file or directory\n`
    else if ('directory' in f) names.push(...(all ? ['.', '..'] : []), ...listFiles(state))
    else names.push(path)
  }
  let out = ''
  if (long) {
    const rows = names.map((n) => {
      const dir = n === '.' || n === '..'
      const file = dir ? undefined : state.files.get((resolvePath(n) as { file: string }).file)
      return { n, dir, size: dir ? 4096 : file!.bytes, time: lsTime(state.config.epoch + (file?.modified ?? 0)) }
    })
    const width = Math.max(1, ...rows.map((r) => String(r.size).length))
    // `total`: 1 KiB blocks allocated, 4 KiB per started block of a file (ext4's default)
    const total = rows.reduce((t, r) => t + Math.ceil(r.size / 4096) * 4, 0)
    if (operands.length === 0 || operands.some((p) => 'directory' in lookup(state, p))) out += `total ${total}\n`
    for (const r of rows)
      out += `${r.dir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} learner learner ${String(r.size).padStart(width)} ${r.time} ${r.n}\n`
  } else if (names.length) out = `${names.join('  ')}\n`
  return errors ? fail(out + errors, 2) : { ok: true, output: out }
}

export function runHead(state: ClusterState, args: string[], stdin?: string): CommandResult {
  let count = 10
  const given: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    let m: RegExpExecArray | null
    if (a === '-n' || a === '--lines') {
      const v = args[++i]
      if (v === undefined) return fail(`head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n`)
      if (!/^\d+$/.test(v)) return fail(`head: invalid number of lines: '${v}'\n`)
      count = Number(v)
    } else if ((m = /^(?:-n|--lines=)(.+)$/.exec(a)) || (m = /^-(\d+)$/.exec(a))) {
      if (!/^\d+$/.test(m[1]!)) return fail(`head: invalid number of lines: '${m[1]}'\n`)
      count = Number(m[1])
    } else given.push(a)
  }
  const operands = withStdin(given, stdin)
  if (!Array.isArray(operands)) return operands
  let out = ''
  let errors = ''
  operands.forEach((path, i) => {
    const f = lookup(state, path, stdin)
    if ('missing' in f) errors += `head: cannot open '${path}' for reading: No such file or directory\n`
    else if ('directory' in f) errors += `head: error reading '${path}': Is a directory\n`
    else {
      if (operands.length > 1) out += `${i > 0 ? '\n' : ''}==> ${path === STDIN ? 'standard input' : path} <==\n`
      const lines = f.file.text.split(/(?<=\n)/)
      out += lines.slice(0, count).join('')
    }
  })
  return errors ? fail(out + errors) : { ok: true, output: out }
}

export function runWc(state: ClusterState, args: string[], stdin?: string): CommandResult {
  const { options, operands: given } = splitOptions(args)
  const shown = { l: false, w: false, m: false, c: false }
  for (const o of options) {
    const long: Record<string, keyof typeof shown> = { '--lines': 'l', '--words': 'w', '--chars': 'm', '--bytes': 'c' }
    if (long[o]) shown[long[o]!] = true
    else if (/^-[lwmc]+$/.test(o)) for (const ch of o.slice(1)) shown[ch as keyof typeof shown] = true
    else return fail(`wc: invalid option -- '${o.replace(/^-+/, '')[0] ?? ''}'\nTry 'wc --help' for more information.\n`)
  }
  if (!shown.l && !shown.w && !shown.m && !shown.c) shown.l = shown.w = shown.c = true
  const operands = withStdin(given, stdin)
  if (!Array.isArray(operands)) return operands
  const counts: { name: string; values: number[] }[] = []
  let errors = ''
  const totals = [0, 0, 0, 0]
  for (const path of operands) {
    const f = lookup(state, path, stdin)
    if ('missing' in f) {
      errors += `wc: ${path}: No such file or directory\n`
      continue
    }
    const text = 'file' in f ? f.file.text : ''
    if ('directory' in f) errors += `wc: ${path}: Is a directory\n`
    const all = [lineCount(text), text.split(/\s+/).filter(Boolean).length, [...text].length, 'file' in f ? f.file.bytes : 0]
    const values = (['l', 'w', 'm', 'c'] as const).flatMap((k, i) => (shown[k] ? [all[i]!] : []))
    all.forEach((v, i) => (totals[i]! += v))
    counts.push({ name: given.length ? path : '', values }) // wc names no file for standard input alone
  }
  // coreutils wc: no padding for one count of one file; otherwise the width of the total size in bytes.
  const single = operands.length === 1 && Object.values(shown).filter(Boolean).length === 1
  const width = single ? 1 : String(totals[3]).length
  const format = (values: number[], name: string) => `${values.map((v) => String(v).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`
  let out = counts.map((c) => format(c.values, c.name)).join('')
  if (operands.length > 1)
    out += format(
      (['l', 'w', 'm', 'c'] as const).flatMap((k, i) => (shown[k] ? [totals[i]!] : [])),
      'total',
    )
  return errors ? fail(out + errors) : { ok: true, output: out }
}
