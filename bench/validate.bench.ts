/**
 * Validation throughput for a typical 40-line Deployment + Service pair, against
 *  - the floor: parsing the same text with `yaml` alone (AST only, and AST → JS objects), and
 *  - another npm validator in the same process: kubernetes-models' precompiled ajv validators (after `yaml` parsing).
 * Then hostile inputs: time and heap growth for each. Prints medians of repeated batches.
 */
import { parseAllDocuments } from 'yaml'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { Service } from 'kubernetes-models/v1/Service'
import { validateManifests } from '../lib/k8s/index.ts'

const PAIR = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: http
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {cpu: 500m, memory: 128Mi}
        readinessProbe:
          httpGet: {path: /, port: http}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
`

const DOCS_PER_PAIR = 2

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** CPU time of this process in µs: unlike wall-clock time it does not count time other processes held the CPU. */
function cpuMicros(): number {
  const u = process.cpuUsage()
  return u.user + u.system
}

/**
 * Median CPU time per call in µs for each function. Short batches of the contenders are interleaved, so
 * frequency changes and cache pressure from other processes on the (shared) machine hit all of them alike.
 */
function measure(fns: Array<() => unknown>, n = 200, batches = 41): number[] {
  for (const fn of fns) for (let i = 0; i < n * 5; i++) fn()
  const perCall: number[][] = fns.map(() => [])
  for (let b = 0; b < batches; b++) {
    fns.forEach((fn, k) => {
      const t = cpuMicros()
      for (let i = 0; i < n; i++) fn()
      perCall[k].push((cpuMicros() - t) / n)
    })
  }
  return perCall.map(median)
}

function kubernetesModelsValidate(text: string): number {
  let failures = 0
  for (const doc of parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[]) {
    const obj = doc.toJS() as { kind?: string }
    try {
      if (obj.kind === 'Deployment') new Deployment(obj as never).validate()
      else if (obj.kind === 'Service') new Service(obj as never).validate()
    } catch {
      failures++
    }
  }
  return failures
}

function fmt(us: number): string {
  return `${us.toFixed(1).padStart(7)} µs/pair  ${Math.round((DOCS_PER_PAIR * 1e6) / us)
    .toLocaleString('en-US')
    .padStart(9)} docs/s`
}

function hostileCases(): Array<[string, string]> {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n'
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 10; i++)
    bomb.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    )
  let seed = 7
  const garbage = Array.from({ length: 100_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)).join('')
  return [
    [
      'alias bomb (10^9 expansions)',
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${bomb.map((l) => `    ${l}`).join('\n')}\n`,
    ],
    ['4 MiB document', `${pod}# ${'x'.repeat(4 * 1024 * 1024)}\n`],
    ['10,000 documents', `${pod}---\n`.repeat(10_000)],
    ['1,000 documents (the limit)', `${pod}---\n`.repeat(999)],
    ['nesting 10,000 deep (flow)', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['nesting 10,000 deep (block)', `a:\n${'- '.repeat(10_000)}x\n`],
    ['100 kB binary garbage', garbage],
  ]
}

export async function run(): Promise<void> {
  const check = validateManifests(PAIR)
  if (!validateManifests(PAIR.replace('labels:\n    app: web\nspec:', 'labels: &l\n    app: web\nspec:')).valid)
    throw new Error('anchored bench input must be valid')
  if (!check.valid || check.objects.length !== 2) throw new Error(`bench input must be valid: ${JSON.stringify(check.errors)}`)
  if (kubernetesModelsValidate(PAIR) !== 0) throw new Error('kubernetes-models rejects the bench input')

  const lines = PAIR.trimEnd().split('\n').length
  // An anchor sends the same documents down the ordinary Composer path instead of the CST fast path.
  const anchored = PAIR.replace('labels:\n    app: web\nspec:', 'labels: &l\n    app: web\nspec:')
  const [parseAst, parseJs, ours, other, composerPath] = measure([
    () => parseAllDocuments(PAIR),
    () => (parseAllDocuments(PAIR) as unknown as Array<{ toJS(): unknown }>).map((d) => d.toJS()),
    () => validateManifests(PAIR),
    () => kubernetesModelsValidate(PAIR),
    () => validateManifests(anchored),
  ])

  const out: string[] = []
  out.push(
    `validate: ${lines}-line Deployment + Service pair (${DOCS_PER_PAIR} documents), median CPU time of 41 interleaved batches × 200`,
  )
  out.push(`  yaml parseAllDocuments (AST)          ${fmt(parseAst)}`)
  out.push(`  yaml parseAllDocuments + toJS (floor) ${fmt(parseJs)}`)
  out.push(
    `  kubelab validateManifests             ${fmt(ours)}   ${(ours / parseJs).toFixed(2)}× floor, ${(ours / parseAst).toFixed(2)}× AST parse`,
  )
  out.push(`  kubernetes-models ajv (yaml + validate) ${fmt(other).slice(2)}   ${(other / parseJs).toFixed(2)}× floor`)
  out.push(`  kubelab vs kubernetes-models: ${(other / ours).toFixed(2)}× ${ours < other ? 'faster' : 'SLOWER'}`)
  out.push(`  kubelab, Composer path (same pair + an anchor) ${fmt(composerPath).slice(2)}   ${(composerPath / parseJs).toFixed(2)}× floor`)

  out.push('validate: hostile input (median of 5 runs; heap growth of one run)')
  for (const [name, text] of hostileCases()) {
    const times: number[] = []
    let result = validateManifests(text)
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      result = validateManifests(text)
      times.push(performance.now() - t)
    }
    ;(globalThis as { gc?: () => void }).gc?.()
    const before = process.memoryUsage().heapUsed
    validateManifests(text)
    const grew = Math.max(0, process.memoryUsage().heapUsed - before)
    const first = result.errors[0]
    const verdict = first ? `${first.type}: ${first.message.slice(0, 60)}` : `valid (${result.objects.length} objects)`
    out.push(`  ${name.padEnd(30)} ${median(times).toFixed(1).padStart(7)} ms  heap +${(grew / 1024 / 1024).toFixed(1)} MiB  → ${verdict}`)
  }
  console.log(out.join('\n'))
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
