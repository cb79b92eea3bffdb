/** Command-line splitting (shell quoting) and kubectl-style flag parsing. */

export function splitCommandLine(line: string): string[] | { error: string } {
  const out: string[] = []
  let cur = ''
  let has = false
  let i = 0
  while (i < line.length) {
    const c = line[i]!
    if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(cur)
      cur = ''
      has = false
      i++
      continue
    }
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1)
      if (end < 0) return { error: 'error: unterminated quoted string' }
      cur += line.slice(i + 1, end)
      has = true
      i = end + 1
      continue
    }
    if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1]
      has = true
      i += 2
      continue
    }
    cur += c
    has = true
    i++
  }
  if (has) out.push(cur)
  return out
}

export interface ParsedArgs {
  positional: string[]
  flags: Map<string, string | true>
  /** every value a valued flag was given, in order (`-f a.yaml -f b.yaml`); `flags` keeps the last */
  values: Map<string, string[]>
  /** everything after a bare `--` */
  rest: string[] | null
}

/** Flags that take a value when written as `-x value` / `--flag value`. */
const VALUE_FLAGS = new Set([
  'n', 'namespace', 'l', 'selector', 'o', 'output', 'c', 'container', 'replicas', 'image', 'port', 'target-port', 'type', 'name',
  'to-revision', 'revision', 'grace-period', 'tail', 'rps', 'f', 'filename', 'field-selector', 'protocol', 'cascade', 'path', 'timeout', 'sort-by',
])

const SHORT: Record<string, string> = { n: 'namespace', l: 'selector', o: 'output', c: 'container', A: 'all-namespaces', f: 'filename', p: 'previous', w: 'watch', i: 'stdin', t: 'tty' }

export function parseArgs(tokens: string[]): ParsedArgs | { error: string } {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  const values = new Map<string, string[]>()
  const set = (name: string, v: string | true) => {
    flags.set(name, v)
    if (typeof v === 'string') values.set(name, [...(values.get(name) ?? []), v])
  }
  let rest: string[] | null = null
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t === '--') {
      rest = tokens.slice(i + 1)
      break
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=')
      const name = eq >= 0 ? t.slice(2, eq) : t.slice(2)
      if (eq >= 0) set(name, t.slice(eq + 1))
      else if (VALUE_FLAGS.has(name)) {
        const v = tokens[i + 1]
        if (v === undefined) return { error: `error: flag needs an argument: --${name}` }
        set(name, v)
        i++
      } else set(name, true)
      continue
    }
    if (t.startsWith('-') && t.length > 1 && !/^-\d/.test(t)) {
      const letter = t[1]!
      const name = SHORT[letter] ?? letter
      if (t.length > 2) {
        const v = t[2] === '=' ? t.slice(3) : t.slice(2)
        if (VALUE_FLAGS.has(letter)) set(name, v)
        else for (const ch of t.slice(1)) set(SHORT[ch] ?? ch, true)
      } else if (VALUE_FLAGS.has(letter)) {
        const v = tokens[i + 1]
        if (v === undefined) return { error: `error: flag needs an argument: '${letter}' in -${letter}` }
        set(name, v)
        i++
      } else set(name, true)
      continue
    }
    positional.push(t)
  }
  return { positional, flags, values, rest }
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name)
  return typeof v === 'string' ? v : undefined
}

/** All values of a repeatable list flag, commas split as pflag's StringSlice does (`-f a.yaml,b.yaml -f c.yaml`). */
export function listFlag(args: ParsedArgs, name: string): string[] {
  return (args.values.get(name) ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '')
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  const v = args.flags.get(name)
  return v === true || v === 'true'
}
