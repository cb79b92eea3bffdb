/**
 * What a predict-what-happens question shows: the demo's recording (for the Replay after answering) and the
 * command and output of its N-th `run:` step, computed by the simulator from `demos/<scenario>.scenario.yaml` when
 * the lesson renders. Deterministic (seeded), so each demo is played once per process and kept.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Quiz } from '@/lib/content/schemas'
import { runSteps } from '@/lib/grading/quiz-shows'
import { recordDemo, type DemoRecording } from '@/components/mdx/record-demo'

export type ShownStep =
  { ok: true; scenario: string; command: string; output: string; recording: DemoRecording } | { ok: false; scenario: string; run: number }

// keyed by the scenario's text: a demo edited in development is played again, an unchanged one is not
const recordings = new Map<string, { recording: DemoRecording | null; runs: ReturnType<typeof runSteps> }>()
const maxCached = 64

function played(text: string) {
  let entry = recordings.get(text)
  if (!entry) {
    entry = { recording: recordDemo(text), runs: runSteps(text) }
    if (recordings.size >= maxCached) recordings.delete(recordings.keys().next().value!)
    recordings.set(text, entry)
  }
  return entry
}

/** The steps a quiz's questions show, by question id. `courseDir` null: a studio course, which has no demos. */
export async function shownSteps(quiz: Quiz, courseDir: string | null): Promise<Record<string, ShownStep>> {
  const shown: Record<string, ShownStep> = {}
  for (const q of quiz.questions) {
    if (!q.shows) continue
    const { scenario, run } = q.shows
    const missing: ShownStep = { ok: false, scenario, run }
    const text =
      courseDir === null || !/^[a-z0-9-]+$/.test(scenario)
        ? null
        : await readFile(join(courseDir, 'demos', `${scenario}.scenario.yaml`), 'utf8').catch(() => null)
    const entry = text === null ? null : played(text)
    const step = entry?.runs?.[run - 1]
    const recorded = step ? entry?.recording?.transcript[step.transcriptIndex] : undefined
    shown[q.id] =
      entry?.recording && recorded
        ? { ok: true, scenario, command: recorded.command, output: recorded.output, recording: entry.recording }
        : missing
  }
  return shown
}
