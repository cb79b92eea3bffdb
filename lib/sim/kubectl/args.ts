/** Command-line splitting (shell quoting) and kubectl-style flag parsing. */

/** A word of a command line; `bare` when its first character was neither quoted nor escaped (so `<<` there is an operator). */
export interface ShellWord {
  text: string
  bare: boolean
}

/**
 * Splits a line into words as a POSIX shell does with quotes and backslashes; a `#` that starts a word begins a
 * comment to the end of the line (`kubectl get pods # all of them`), so kubectl never sees it. A `#` inside a
 * word or inside quotes is text (`app=web#1`, `'#'`).
 */
export function splitShellWords(line: string): ShellWord[] | { error: string } {
  const out: ShellWord[] = []
  let cur = ''
  let has = false
  let bare = false
  let i = 0
  const begin = (plain: boolean) => {
    if (!has) bare = plain
    has = true
  }
  while (i < line.length) {
    const c = line[i]!
    if (c === '#' && !has) {
      const end = line.indexOf('\n', i)
      if (end < 0) break
      i = end
      continue
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push({ text: cur, bare })
      cur = ''
      has = false
      i++
      continue
    }
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1)
      if (end < 0) return { error: 'error: unterminated quoted string' }
      begin(false)
      cur += line.slice(i + 1, end)
      i = end + 1
      continue
    }
    if (c === '\\' && line[i + 1] === '\n') {
      i += 2 // a backslash-newline joins two lines: it is removed, as the shell removes it
      continue
    }
    if (c === '\\' && i + 1 < line.length) {
      begin(false)
      cur += line[i + 1]
      i += 2
      continue
    }
    begin(true)
    cur += c
    i++
  }
  if (has) out.push({ text: cur, bare })
  return out
}

export function splitCommandLine(line: string): string[] | { error: string } {
  const words = splitShellWords(line)
  return 'error' in words ? words : words.map((w) => w.text)
}

export interface ParsedArgs {
  positional: string[]
  flags: Map<string, string | true>
  /** every value a valued flag was given, in order (`-f a.yaml -f b.yaml`); `flags` keeps the last */
  values: Map<string, string[]>
  /** everything after a bare `--` */
  rest: string[] | null
  /** the command's standard input, when the shell gave it one (a here-document, `< FILE`) */
  stdin?: string
  /** how each flag was written, for kubectl's unknown-flag error: `--name`, or the shorthand and its word (`-x`, `-ix`) */
  spelled: Map<string, { word: string; letter?: string }>
}

/** Flags that take a value when written as `-x value` / `--flag value`. */
const VALUE_FLAGS = new Set([
  'n',
  'namespace',
  'l',
  'selector',
  'o',
  'output',
  'c',
  'container',
  'replicas',
  'image',
  'port',
  'target-port',
  'type',
  'name',
  'to-revision',
  'revision',
  'grace-period',
  'tail',
  'rps',
  'f',
  'filename',
  'field-selector',
  'protocol',
  'cascade',
  'path',
  'timeout',
  'sort-by',
  'patch',
  'patch-file',
  'limits',
  'requests',
  'env',
  'from',
  'prefix',
  'keys',
  'containers',
  'restart',
  'labels',
  'overrides',
  'label-columns',
  'kustomize',
  'since',
  'since-time',
  'context',
  'cluster',
  'user',
  'kubeconfig',
  'server',
  'request-timeout',
])

const SHORT: Record<string, string> = {
  n: 'namespace',
  l: 'selector',
  o: 'output',
  c: 'container',
  A: 'all-namespaces',
  f: 'filename',
  p: 'previous',
  w: 'watch',
  i: 'stdin',
  t: 'tty',
}

/** More of kubectl's shorthands (`-s URL`, `-v 6`, `-L app`): for kubectl only, since `curl -s`, `-v`, `-L` mean other things. */
const KUBECTL_SHORT: Record<string, string> = {
  s: 'server',
  v: 'v',
  L: 'label-columns',
  R: 'recursive',
  k: 'kustomize',
  q: 'quiet',
  h: 'help',
}

/** Shorthands that mean another flag in one verb (pflag flag sets are per command): `kubectl patch -p`, `set env -e`. */
const VERB_SHORT: Record<string, Record<string, string>> = {
  patch: { p: 'patch' },
  set: { e: 'env', c: 'containers' },
  logs: { f: 'follow' },
  create: { r: 'replicas' },
  expose: { l: 'labels' },
  run: { l: 'labels' },
}

export function parseArgs(tokens: string[], verb?: string): ParsedArgs | { error: string } {
  const shorts = verb === undefined ? SHORT : { ...SHORT, ...KUBECTL_SHORT, ...(Object.hasOwn(VERB_SHORT, verb) ? VERB_SHORT[verb] : {}) }
  const takesValue = (letter: string) =>
    VALUE_FLAGS.has(letter) || VALUE_FLAGS.has(shorts[letter] ?? '') || (verb !== undefined && shorts[letter] === 'v')
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  const values = new Map<string, string[]>()
  const spelled = new Map<string, { word: string; letter?: string }>()
  const set = (name: string, v: string | true, word: string, letter?: string) => {
    flags.set(name, v)
    if (typeof v === 'string') values.set(name, [...(values.get(name) ?? []), v])
    if (!spelled.has(name)) spelled.set(name, { word, letter })
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
      if (eq >= 0) set(name, t.slice(eq + 1), t)
      else if (VALUE_FLAGS.has(name)) {
        const v = tokens[i + 1]
        if (v === undefined) return { error: `error: flag needs an argument: --${name}` }
        set(name, v, t)
        i++
      } else set(name, true, t)
      continue
    }
    if (t.startsWith('-') && t.length > 1 && !/^-\d/.test(t)) {
      const letter = t[1]!
      const name = shorts[letter] ?? letter
      if (t.length > 2) {
        const v = t[2] === '=' ? t.slice(3) : t.slice(2)
        if (takesValue(letter)) set(name, v, t, letter)
        else for (const ch of t.slice(1)) set(shorts[ch] ?? ch, true, t, ch)
      } else if (takesValue(letter)) {
        const v = tokens[i + 1]
        if (v === undefined) return { error: `error: flag needs an argument: '${letter}' in -${letter}` }
        set(name, v, t, letter)
        i++
      } else set(name, true, t, letter)
      continue
    }
    positional.push(t)
  }
  return { positional, flags, values, rest, spelled }
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
