/**
 * Plays an exercise on a fresh simulated cluster: setup → the learner's submission → scenario, and keeps what
 * checks look at — the state at each named moment, the timeline, the events, and the learner's command output.
 */
import {
  createCluster,
  joinCommandLines,
  parseDuration,
  resolveLimits,
  type State,
  type TimelinePoint,
  type EventRecord,
  type OverBudget,
  type SimLimits,
} from '../sim/index.ts'
import { durationMs, type Exercise, type Step } from './exercise-schema.ts'

export type Submission = { yaml: string } | { commands: string[] }

export interface Moment {
  time: number
  state: State
}

export interface ExerciseRun {
  /** setup, submitted, end, and every scenario snapshot. */
  moments: Map<string, Moment>
  final: State
  timeline: TimelinePoint[]
  events: EventRecord[]
  /** What each learner command printed (command exercises), in order. */
  commandOutputs: { command: string; ok: boolean; output: string }[]
  /** What the grader's own `output` checks' commands printed at the end, by command. */
  run(command: string): string
  /** The first of the exercise's limits the run reached (the rest of the run was skipped), or null. */
  overBudget: OverBudget | null
}

/** The simulator's limits for this exercise: its own `limits`, the simulator's defaults for the rest. */
export function exerciseLimits(exercise: Exercise): SimLimits {
  const own = exercise.limits
  const virtualTimeMs = own?.virtualTime !== undefined ? durationMs(own.virtualTime) : undefined
  return resolveLimits({ pods: own?.pods, objects: own?.objects, virtualTimeMs })
}

/**
 * A command exercise's submission: one command per line; blank lines and # comments are skipped. A command that
 * goes on over more lines, as in bash — a here-document (`kubectl apply -f - <<EOF` … `EOF`), a quote left open, a
 * line ending in a backslash — keeps those lines, as typed, in the command.
 */
export function commandsFromText(text: string): string[] {
  return joinCommandLines(text.split(/\r?\n/), (line) => {
    const command = line.trim()
    return command === '' || command.startsWith('#') ? null : command.replace(/^\$\s+/, '')
  })
}

export function runExercise(exercise: Exercise, submission: Submission, limits: SimLimits = exerciseLimits(exercise)): ExerciseRun {
  const cluster = createCluster({ seed: exercise.cluster.seed, nodes: exercise.cluster.nodes, limits })
  const moments = new Map<string, Moment>()
  const mark = (name: string) => moments.set(name, { time: cluster.now, state: cluster.snapshot() })
  // Once a limit is reached the grade is "over budget" whatever happens next: the rest is not simulated.
  const within = () => cluster.budget.over === null
  const play = (step: Step) => {
    if (!within() && !('snapshot' in step)) return
    if ('wait' in step) cluster.advance((parseDuration(step.wait) ?? 0) / 1000)
    else if ('run' in step) cluster.run(step.run)
    else if ('apply' in step) cluster.apply(step.apply)
    else mark(step.snapshot)
  }
  exercise.setup.forEach(play)
  mark('setup')
  const commandOutputs: ExerciseRun['commandOutputs'] = []
  if ('yaml' in submission) cluster.apply(submission.yaml)
  else
    for (const command of submission.commands) {
      if (!within()) break
      const r = cluster.run(command)
      commandOutputs.push({ command, ok: r.ok, output: r.output })
    }
  mark('submitted')
  exercise.scenario.forEach(play)
  mark('end')
  return {
    moments,
    final: moments.get('end')!.state,
    timeline: cluster.timeline,
    events: cluster.events,
    commandOutputs,
    run: (command) => cluster.run(command).output,
    get overBudget() {
      return cluster.budget.over
    },
  }
}
