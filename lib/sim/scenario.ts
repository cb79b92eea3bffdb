/**
 * Scenarios: a cluster (seed, nodes) and steps (apply, run, wait, snapshot, expect), parsed from YAML with line
 * numbers for every problem, and run to exactly the JSON object of `kubelab simulate --json`.
 * `apply: {file: PATH}` reads a manifest through the caller's `readFile` (the CLI: relative to the scenario), so
 * a scenario can prove real manifests (deploy/kubernetes); `expect` fails its step when the cluster disagrees.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import type { Diagnostic } from './k8s.ts'
import { parseDuration } from './clock.ts'
import { createCluster } from './cluster.ts'
import type { State } from './snapshot.ts'
import type { EventRecord, NodeConfig, TimelinePoint } from './model.ts'

export type ScenarioStep =
  | { kind: 'apply'; text: string; line: number; file?: string }
  | { kind: 'run'; command: string; line: number }
  | { kind: 'wait'; ms: number; line: number }
  | { kind: 'snapshot'; name: string; line: number }
  | { kind: 'expect'; expectations: Expectation[]; line: number }

/**
 * A value of the cluster's state (`kubelab simulate --json` `final`) at a dotted path — lists of named things are
 * indexed by name: `traffic.web.failed`, `deployments.web.updatedReplicas`, `services.web.endpoints` — that must
 * equal a value, or lie within `{min, max}`.
 */
export interface Expectation {
  path: string
  equals?: unknown
  min?: number
  max?: number
}

export interface Scenario {
  cluster: { seed: number; nodes: number | Partial<NodeConfig>[] }
  steps: ScenarioStep[]
}

export interface ScenarioError {
  path: string
  line: number
  column: number
  message: string
}

export interface StepResult {
  index: number
  kind: ScenarioStep['kind']
  ok: boolean
  output: string
  errors: Diagnostic[]
}

export interface SimulationResult {
  ok: boolean
  steps: StepResult[]
  snapshots: Record<string, State>
  final: State
  timeline: TimelinePoint[]
  events: EventRecord[]
}

type StepKind = 'apply' | 'run' | 'wait' | 'snapshot' | 'expect'

export interface ParseOptions {
  /** Reads `apply: {file}`; without it such a step is an error (only the CLI reads files). Throws when unreadable. */
  readFile?: (path: string) => string
}

export function parseScenario(text: string, options: ParseOptions = {}): { scenario: Scenario | null; errors: ScenarioError[] } {
  const errors: ScenarioError[] = []
  const lc = new LineCounter()
  let doc
  try {
    doc = parseDocument(typeof text === 'string' ? text : '', { lineCounter: lc, uniqueKeys: true })
  } catch (e) {
    return { scenario: null, errors: [{ path: '', line: 1, column: 1, message: `cannot parse scenario: ${(e as Error).message}` }] }
  }
  const pos = (node: YamlNode | null | undefined): { line: number; column: number } => {
    const off = node?.range?.[0]
    if (off === undefined) return { line: 1, column: 1 }
    const p = lc.linePos(off)
    return { line: p.line, column: p.col }
  }
  const err = (path: string, node: YamlNode | null | undefined, message: string): void => {
    errors.push({ path, ...pos(node), message })
  }
  for (const e of doc.errors) {
    const p = e.linePos?.[0] ?? { line: 1, col: 1 }
    errors.push({ path: '', line: p.line, column: p.col, message: e.message.split('\n')[0]! })
  }
  if (errors.length) return { scenario: null, errors }
  const root = doc.contents
  if (!isMap(root)) {
    err('', root as YamlNode, 'a scenario is a mapping with "cluster" and "steps"')
    return { scenario: null, errors }
  }
  for (const item of root.items) {
    const k = isScalar(item.key) ? String(item.key.value) : ''
    if (k !== 'cluster' && k !== 'steps') err(k, item.key as YamlNode, `unknown field "${k}" (expected "cluster" and "steps")`)
  }
  const scenario: Scenario = { cluster: { seed: 1, nodes: 3 }, steps: [] }
  const cluster = root.get('cluster', true) as YamlNode | undefined
  if (cluster !== undefined) {
    if (!isMap(cluster)) err('cluster', cluster, 'cluster must be a mapping with "seed" and "nodes"')
    else {
      for (const item of cluster.items) {
        const k = isScalar(item.key) ? String(item.key.value) : ''
        const v = item.value as YamlNode | null
        if (k === 'seed') {
          const n = isScalar(v) ? v.value : undefined
          if (typeof n !== 'number' || !Number.isInteger(n)) err('cluster.seed', v, 'seed must be an integer')
          else scenario.cluster.seed = n
        } else if (k === 'nodes') {
          if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1 && v.value <= 5000)
            scenario.cluster.nodes = v.value
          else if (isSeq(v)) {
            const list: Partial<NodeConfig>[] = []
            v.items.forEach((n, i) => {
              const js = (n as YamlNode).toJSON?.() as Record<string, unknown> | undefined
              if (!isMap(n) || !js || typeof js.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(js.name)) {
                err(`cluster.nodes[${i}]`, n as YamlNode, 'each node needs a name (a lowercase RFC 1123 subdomain)')
                return
              }
              for (const key of Object.keys(js))
                if (!['name', 'cpu', 'memory', 'pods', 'labels'].includes(key))
                  err(`cluster.nodes[${i}].${key}`, n as YamlNode, `unknown node field "${key}" (name, cpu, memory, pods, labels)`)
              list.push({
                name: js.name,
                ...(js.cpu !== undefined ? { cpu: String(js.cpu) } : {}),
                ...(js.memory !== undefined ? { memory: String(js.memory) } : {}),
                ...(typeof js.pods === 'number' ? { pods: js.pods } : {}),
                ...(js.labels && typeof js.labels === 'object'
                  ? { labels: Object.fromEntries(Object.entries(js.labels).map(([a, b]) => [a, String(b)])) }
                  : {}),
              })
            })
            if (new Set(list.map((n) => n.name)).size !== list.length) err('cluster.nodes', v, 'node names must be unique')
            scenario.cluster.nodes = list
          } else err('cluster.nodes', v, 'nodes is a count (1-5000) or a list of {name, cpu, memory, pods, labels}')
        } else err(`cluster.${k}`, item.key as YamlNode, `unknown field "${k}" (expected "seed" and "nodes")`)
      }
    }
  }
  const steps = root.get('steps', true) as YamlNode | undefined
  if (!isSeq(steps)) {
    err('steps', steps ?? root, 'steps must be a list of {apply|run|wait|snapshot|expect}')
    return { scenario: null, errors }
  }
  steps.items.forEach((s, i) => {
    const node = s as YamlNode
    const line = pos(node).line
    if (!isMap(node) || node.items.length !== 1) {
      err(`steps[${i}]`, node, 'each step has exactly one of: apply, run, wait, snapshot, expect')
      return
    }
    const item = node.items[0]!
    const k = isScalar(item.key) ? String(item.key.value) : ''
    const v = item.value as YamlNode | null
    const value = isScalar(v) ? v.value : undefined
    switch (k as StepKind) {
      case 'apply': {
        const file =
          isMap(v) && v.items.length === 1 && isScalar(v.items[0]!.key) && v.items[0]!.key.value === 'file' && isScalar(v.items[0]!.value)
            ? v.items[0]!.value.value
            : undefined
        if (typeof file === 'string' && file) {
          if (!options.readFile) err(`steps[${i}].apply.file`, v, 'apply: {file} is read by the kubelab CLI only')
          else {
            try {
              scenario.steps.push({ kind: 'apply', text: options.readFile(file), line, file })
            } catch (e) {
              err(
                `steps[${i}].apply.file`,
                v,
                `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
              )
            }
          }
        } else if (typeof value !== 'string')
          err(`steps[${i}].apply`, v, 'apply takes the manifest text (use a block scalar: apply: |) or {file: PATH}')
        else scenario.steps.push({ kind: 'apply', text: value, line })
        return
      }
      case 'expect': {
        const expectations = parseExpectations(v, `steps[${i}].expect`, err)
        if (expectations) scenario.steps.push({ kind: 'expect', expectations, line })
        return
      }
      case 'run':
        if (typeof value !== 'string' || !value.trim()) err(`steps[${i}].run`, v, 'run takes a command line, e.g. run: kubectl get pods')
        else scenario.steps.push({ kind: 'run', command: value, line })
        return
      case 'wait': {
        const ms = parseDuration(value)
        if (ms === undefined || ms > 30 * 86_400_000)
          err(`steps[${i}].wait`, v, 'wait takes a duration: 90s, 5m, 1m30s, or a number of seconds')
        else scenario.steps.push({ kind: 'wait', ms, line })
        return
      }
      case 'snapshot':
        if (typeof value !== 'string' || !value) err(`steps[${i}].snapshot`, v, 'snapshot takes a name')
        else scenario.steps.push({ kind: 'snapshot', name: value, line })
        return
      default:
        err(`steps[${i}]`, item.key as YamlNode, `unknown step "${k}" (apply, run, wait, snapshot, expect)`)
    }
  })
  return errors.length ? { scenario: null, errors } : { scenario, errors }
}

function parseExpectations(
  v: YamlNode | null,
  path: string,
  err: (path: string, node: YamlNode | null | undefined, message: string) => void,
): Expectation[] | null {
  const usage = 'expect takes a mapping of state paths to values, e.g. traffic.web.failed: 0 or deployments.web.readyReplicas: {min: 3}'
  if (!isMap(v) || v.items.length === 0) {
    err(path, v, usage)
    return null
  }
  const out: Expectation[] = []
  for (const item of v.items) {
    const key = isScalar(item.key) ? String(item.key.value) : ''
    const value = (item.value as YamlNode | null)?.toJSON?.() ?? (isScalar(item.value) ? item.value.value : null)
    if (!/^[a-zA-Z]+(\.[^.\s]+)+$/.test(key)) {
      err(`${path}.${key}`, item.key as YamlNode, usage)
      continue
    }
    const range = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
    if (range) {
      const keys = Object.keys(range)
      if (keys.length === 0 || keys.some((k) => k !== 'min' && k !== 'max') || keys.some((k) => typeof range[k] !== 'number')) {
        err(`${path}.${key}`, item.value as YamlNode, 'a range is {min: N} or {max: N} or both')
        continue
      }
      out.push({ path: key, min: range.min as number | undefined, max: range.max as number | undefined })
    } else out.push({ path: key, equals: value })
  }
  return out
}

/** The value at a dotted path of a state; lists of objects with a `name` are indexed by it. */
export function stateValue(state: unknown, path: string): unknown {
  let at: unknown = state
  for (const segment of path.split('.')) {
    if (Array.isArray(at)) at = at.find((x) => (x as { name?: unknown } | null)?.name === segment)
    else if (at !== null && typeof at === 'object') at = (at as Record<string, unknown>)[segment]
    else return undefined
  }
  return at
}

/** One line per expectation: what was expected, what the cluster had. */
export function checkExpectations(state: State, expectations: Expectation[]): { ok: boolean; output: string } {
  let ok = true
  const lines = expectations.map((e) => {
    const actual = stateValue(state, e.path)
    const shown = actual === undefined ? 'nothing' : JSON.stringify(actual)
    const wanted =
      'equals' in e && e.min === undefined && e.max === undefined
        ? `= ${JSON.stringify(e.equals)}`
        : `${e.min !== undefined ? `≥ ${e.min}` : ''}${e.min !== undefined && e.max !== undefined ? ' and ' : ''}${e.max !== undefined ? `≤ ${e.max}` : ''}`
    const met =
      e.min !== undefined || e.max !== undefined
        ? typeof actual === 'number' && (e.min === undefined || actual >= e.min) && (e.max === undefined || actual <= e.max)
        : JSON.stringify(actual) === JSON.stringify(e.equals)
    if (!met) ok = false
    return `${met ? 'ok' : 'FAILED'}: ${e.path} ${wanted}${met ? '' : `, but it is ${shown}`}`
  })
  return { ok, output: `${lines.join('\n')}\n` }
}

/** Runs every step in order (a failed step is recorded and the scenario goes on). */
export function runScenario(scenario: Scenario, options: { file?: string } = {}): SimulationResult {
  const cluster = createCluster({ seed: scenario.cluster.seed, nodes: scenario.cluster.nodes })
  const steps: StepResult[] = []
  const snapshots: Record<string, State> = {}
  scenario.steps.forEach((step, index) => {
    switch (step.kind) {
      case 'apply': {
        const r = cluster.apply(step.text, { file: step.file ?? options.file })
        steps.push({ index, kind: 'apply', ok: r.ok, output: r.output, errors: r.errors })
        return
      }
      case 'run': {
        const r = cluster.run(step.command)
        steps.push({ index, kind: 'run', ok: r.ok, output: r.output, errors: [] })
        return
      }
      case 'wait':
        cluster.advance(step.ms / 1000)
        steps.push({ index, kind: 'wait', ok: true, output: '', errors: [] })
        return
      case 'snapshot':
        snapshots[step.name] = cluster.snapshot()
        steps.push({ index, kind: 'snapshot', ok: true, output: '', errors: [] })
        return
      case 'expect': {
        const r = checkExpectations(cluster.snapshot(), step.expectations)
        steps.push({ index, kind: 'expect', ok: r.ok, output: r.output, errors: [] })
        return
      }
    }
  })
  return {
    ok: steps.every((s) => s.ok),
    steps,
    snapshots,
    final: cluster.snapshot(),
    timeline: cluster.timeline,
    events: cluster.events,
  }
}
