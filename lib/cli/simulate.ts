/**
 * `kubelab simulate SCENARIO.yaml [--json]` — runs a scenario on the simulated cluster.
 * Exit 0 when every step succeeded, 1 when any failed (a failed step is recorded and the run goes on),
 * 2 on a usage or I/O error (including a malformed scenario file).
 * `--json` prints exactly one JSON object: { ok, steps, snapshots, final, timeline, events }.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import { parseScenario, runScenario, type SimulationResult } from '../sim/index.ts'

const USAGE = `Usage: npm run -s kubelab -- simulate SCENARIO.yaml [--json]

Runs a scenario on Kubelab's simulated Kubernetes cluster (virtual time; same seed, same result).
  SCENARIO.yaml   cluster: {seed, nodes} and steps: apply (text, or {file: PATH} beside the scenario) | run | wait |
                  snapshot | expect (state path: value or {min, max}); - reads standard input
  --json          print one JSON object: { ok, steps, snapshots, final, timeline, events }

Exit codes: 0 every step succeeded (every expect held), 1 a step failed, 2 usage or I/O error.
`

const spec = defineCommand({
  command: 'simulate',
  usage: USAGE,
  options: { json: { type: 'boolean' } },
  jsonError: (message) => JSON.stringify({ ok: false, error: message }),
})

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
}

export function formatTranscript(result: SimulationResult, stepsText: { kind: string; label: string }[]): string {
  const out: string[] = []
  let time = 0
  for (const step of result.steps) {
    const label = stepsText[step.index]!.label
    switch (step.kind) {
      case 'apply':
        out.push(`$ kubectl apply -f ${label || '-'}   # step ${step.index + 1}, t=${time}s`)
        break
      case 'run':
        out.push(`$ ${label}   # step ${step.index + 1}, t=${time}s`)
        break
      case 'wait':
        time = Math.round((time + Number(label)) * 1000) / 1000
        out.push(`# wait ${label}s → t=${time}s`)
        break
      case 'snapshot':
        out.push(`# snapshot "${label}" at t=${time}s`)
        break
      case 'expect':
        out.push(`# expect   # step ${step.index + 1}, t=${time}s`)
        break
    }
    if (step.output) out.push(step.output.replace(/\n$/, ''))
    if (!step.ok) out.push(`# step ${step.index + 1} failed`)
  }
  const failed = result.steps.filter((s) => !s.ok).length
  out.push(
    failed
      ? `# ${failed} of ${result.steps.length} steps failed`
      : `# all ${result.steps.length} steps succeeded (virtual time ${result.final.time}s)`,
  )
  return `${out.join('\n')}\n`
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { json, positionals } = parsed
  if (positionals.length !== 1)
    return usageError(io, spec, positionals.length === 0 ? 'a scenario file is required' : 'exactly one scenario file is expected', json)
  const file = positionals[0]!
  let text: string
  try {
    text = readInput(file)
  } catch (error) {
    const message = `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`
    // an I/O error, answered as before: the object alone with --json, the line and the usage otherwise
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: message })}\n`)
    else io.stderr(`kubelab simulate: ${message}\n\n${USAGE}`)
    return 2
  }
  // apply: {file} reads beside the scenario (or from the working directory for standard input)
  const base = file === '-' ? process.cwd() : dirname(resolve(file))
  const { scenario, errors } = parseScenario(text, { readFile: (path) => readFileSync(resolve(base, path), 'utf8') })
  if (!scenario) {
    const lines = errors.map((e) => `${file}:${e.line}:${e.column}: ${e.path ? `${e.path}: ` : ''}${e.message}`)
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: 'invalid scenario', scenarioErrors: errors })}\n`)
    else io.stderr(`${lines.join('\n')}\n`)
    return 2
  }
  const result = runScenario(scenario, { file: file === '-' ? undefined : file })
  if (json) io.stdout(`${JSON.stringify(result)}\n`)
  else {
    const labels = scenario.steps.map((s) => ({
      kind: s.kind,
      label:
        s.kind === 'apply'
          ? (s.file ?? '')
          : s.kind === 'run'
            ? s.command
            : s.kind === 'wait'
              ? String(s.ms / 1000)
              : s.kind === 'snapshot'
                ? s.name
                : '',
    }))
    io.stdout(formatTranscript(result, labels))
  }
  return result.ok ? 0 : 1
}
