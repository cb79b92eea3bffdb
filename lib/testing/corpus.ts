/**
 * Inputs shared by tests: the kubectl fixtures, hand-written manifests with every YAML feature the fast path
 * handles, and seeded random mutations of them (the fuzz corpus of lib/k8s's yaml-fast-path.test.ts and
 * messages.test.ts); the course's exercises (reference solutions, starters, known-wrong answers) and single-line
 * edits of them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

const dir = new URL('../k8s/testdata/kubectl/', import.meta.url)
export const fixtures: string[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))

export const handWritten: string[] = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the name
  labels: {app: web, "tier": 'fe', v: "1.0"}
  annotations:
    note: |
      multi
      line
    folded: >-
      one
      two
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: "nginx:1.27"
        args: ["--port", 8080, yes, ~, 0777, 1_000, 2024-01-01, -1.5e3, "x"]
        env:
        - {name: A, value: "1"}
        - name: B
          value: 'it''s'
        ports: [{containerPort: 80, name: http}, {containerPort: 443}]
        empty:
      - name: sidecar
        image: busybox
        command:
          - sleep
          - "3600"
---
# just a comment
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports:
  - port: 80
    targetPort: http
  selector: {app: web,}
`,
  'a: 1\n---\n---\n~\n',
  'list:\n- a\n-\n- - nested\n  - more\n',
  '[a, [b, c], {d: e}]\n',
  '{a: [1, 2], b: {c: d}}\n',
  'key: "multi\n  line quoted"\nother: plain\n  continued\n',
  'k: v\n# trailing comment\n',
]

// Deterministic mutations: small edits of the kinds learners make (and some they never would).
export function* mutations(seed: number, sources: string[], count: number): Generator<string> {
  let s = seed
  const rand = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s % n
  }
  const pieces = [
    ' ',
    '  ',
    ':',
    ': ',
    '-',
    '- ',
    '#',
    ' #',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '\n',
    'a',
    '|',
    '>',
    '&a ',
    '*a',
    '!!str ',
    '? ',
    '%',
    '---\n',
    '...\n',
    '\\',
    '@',
    '`',
    'yes',
    '0x1F',
  ]
  for (let i = 0; i < count; i++) {
    let text = sources[rand(sources.length)]
    const edits = 1 + rand(3)
    for (let e = 0; e < edits; e++) {
      const at = rand(text.length + 1)
      switch (rand(4)) {
        case 0:
          text = text.slice(0, at) + pieces[rand(pieces.length)] + text.slice(at)
          break
        case 1:
          text = text.slice(0, at) + text.slice(at + 1 + rand(3))
          break
        case 2: {
          // re-indent one line
          const lines = text.split('\n')
          const l = rand(lines.length)
          lines[l] = rand(2) === 0 ? ` ${lines[l]}` : lines[l].replace(/^ /, '')
          text = lines.join('\n')
          break
        }
        default: {
          const lines = text.split('\n')
          const l = rand(lines.length)
          lines.splice(l, 0, lines[rand(lines.length)])
          text = lines.join('\n')
        }
      }
    }
    yield text
  }
}

export interface ExerciseSource {
  /** e.g. `05-deployment solution`, `05-deployment wrong answer 2` */
  name: string
  text: string
}

/** The manifests of every exercise in content/: reference solutions and known-wrong answers (and starters if asked). */
export function exerciseSources(options: { starters?: boolean } = {}): ExerciseSource[] {
  const content = new URL('../../content/', import.meta.url)
  const out: ExerciseSource[] = []
  const files = readdirSync(content, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('exercise.yaml'))
    .sort()
  for (const file of files) {
    const exercise = parse(readFileSync(new URL(file, content), 'utf8')) as {
      kind?: string
      starter?: unknown
      solution?: unknown
      wrongAnswers?: Array<{ source?: unknown }>
    }
    if (exercise.kind !== 'manifest') continue
    const lesson = file.split('/').at(-2) ?? file
    const add = (what: string, text: unknown) => {
      if (typeof text === 'string') out.push({ name: `${lesson} ${what}`, text })
    }
    if (options.starters) add('starter', exercise.starter)
    add('solution', exercise.solution)
    exercise.wrongAnswers?.forEach((w, i) => add(`wrong answer ${i + 1}`, w.source))
  }
  return out
}

export type LineEdit = 'drop' | 'dedent' | 'dedent to 0' | 'indent' | 'swap type'

/** Each line dropped, dedented by one level and to column 0, indented by one level, and its value given another type. */
export function* lineEdits(text: string): Generator<{ edit: LineEdit; line: number; text: string }> {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    const indent = line.length - line.trimStart().length
    const replace = (edit: LineEdit, next: string | null) => ({
      edit,
      line: i + 1,
      text: [...lines.slice(0, i), ...(next === null ? [] : [next]), ...lines.slice(i + 1)].join('\n'),
    })
    yield replace('drop', null)
    if (indent >= 2) yield replace('dedent', line.slice(2))
    if (indent > 2) yield replace('dedent to 0', line.trimStart())
    yield replace('indent', `  ${line}`)
    const pair = /^(\s*(?:- )?[^\s:#][^:#]*:)(?:\s+(.*))?$/.exec(line)
    if (pair) yield replace('swap type', `${pair[1]} ${otherType(pair[2])}`)
  }
}

/** A value of another JSON type: text for a number or a collection, a number for text, a list for a block's key. */
function otherType(value: string | undefined): string {
  if (value === undefined || value === '') return '[]'
  if (/^[[{]/.test(value) || /^-?\d+(\.\d+)?$/.test(value)) return '"text"'
  return '42'
}
