/**
 * Predict-what-happens questions (`shows: { scenario, run }`): which `run:` step of a demo scenario a question
 * shows, where that step sits in the demo's kubectl transcript (components/mdx/record-demo.ts records one entry
 * for each `apply:` and each `run:` step, in order), and what an author can get wrong — a demo that is not there,
 * a run number past the scenario's `run:` steps. Pure: the caller reads the demo files.
 */
import { parseScenario } from '../sim/index.ts'
import type { Quiz } from '../content/schemas.ts'

export interface RunStep {
  /** the step's command, as the scenario writes it */
  command: string
  /** its entry in the recorded demo's transcript */
  transcriptIndex: number
}

/** The scenario's `run:` steps in order (1-based `run` N is element N-1), or null when the text is not a scenario. */
export function runSteps(scenarioText: string): RunStep[] | null {
  const { scenario } = parseScenario(scenarioText)
  if (!scenario) return null
  const steps: RunStep[] = []
  let transcript = 0
  for (const step of scenario.steps) {
    if (step.kind === 'run') steps.push({ command: step.command, transcriptIndex: transcript })
    if (step.kind === 'run' || step.kind === 'apply') transcript += 1
  }
  return steps
}

/**
 * What is wrong with a quiz's `shows`, one sentence per question. `demo(id)`: the text of
 * `demos/<id>.scenario.yaml`, or null when there is none (a studio lesson has no demos folder: pass `() => null`).
 */
export function showsProblems(quiz: Quiz, demo: (scenario: string) => string | null): string[] {
  const problems: string[] = []
  const steps = new Map<string, RunStep[] | null | undefined>()
  for (const q of quiz.questions) {
    if (!q.shows) continue
    const { scenario, run } = q.shows
    if (!steps.has(scenario)) {
      const text = demo(scenario)
      steps.set(scenario, text === null ? undefined : runSteps(text))
    }
    const found = steps.get(scenario)
    if (found === undefined) problems.push(`question "${q.id}" shows demo "${scenario}", but there is no demos/${scenario}.scenario.yaml`)
    else if (found === null)
      problems.push(`question "${q.id}" shows demo "${scenario}", but demos/${scenario}.scenario.yaml is not a valid scenario`)
    else if (run > found.length)
      problems.push(
        `question "${q.id}" shows run ${run} of demo "${scenario}", but that scenario has ${found.length} run: step${found.length === 1 ? '' : 's'}`,
      )
  }
  return problems
}
