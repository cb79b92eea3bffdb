/**
 * Plays an exercise on a fresh simulated cluster: setup → the learner's submission → scenario, and keeps what
 * checks look at — the state at each named moment, the timeline, the events, and the learner's command output.
 */
import { createCluster, parseDuration, type State, type TimelinePoint, type EventRecord } from '../sim/index.ts'
import type { Exercise, Step } from './exercise-schema.ts'

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
}

/** A command exercise's submission: one command per line; blank lines and # comments are skipped. */
export function commandsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/^\$\s+/, ''))
}

export function runExercise(exercise: Exercise, submission: Submission): ExerciseRun {
  const cluster = createCluster({ seed: exercise.cluster.seed, nodes: exercise.cluster.nodes })
  const moments = new Map<string, Moment>()
  const mark = (name: string) => moments.set(name, { time: cluster.now, state: cluster.snapshot() })
  const play = (step: Step) => {
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
  }
}
