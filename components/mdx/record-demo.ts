/**
 * Plays a lesson's demo scenario on the simulator and records it for the timeline player: frames whenever the
 * picture changes, the timeline and events, and a kubectl transcript of its `run` steps. Deterministic (seeded).
 */
import { createCluster, parseScenario, type EventRecord, type TimelinePoint } from '@/lib/sim/index'
import { recordFrames, type Frame } from '@/components/cluster/record-frames'

export interface DemoRecording {
  frames: Frame[]
  timeline: TimelinePoint[]
  events: EventRecord[]
  transcript: { time: number; command: string; output: string }[]
}

export function recordDemo(scenarioText: string): DemoRecording | null {
  const { scenario } = parseScenario(scenarioText)
  if (!scenario) return null
  const cluster = createCluster({ seed: scenario.cluster.seed, nodes: scenario.cluster.nodes })
  const frames: Frame[] = [{ time: 0, state: cluster.snapshot() }]
  const transcript: DemoRecording['transcript'] = []
  const keep = (recorded: Frame[]) => {
    for (const f of recorded)
      if (frames.at(-1)?.time !== f.time || JSON.stringify(frames.at(-1)?.state) !== JSON.stringify(f.state)) frames.push(f)
  }
  for (const step of scenario.steps) {
    if (step.kind === 'apply') {
      const r = cluster.apply(step.text)
      transcript.push({ time: cluster.now, command: 'kubectl apply -f manifest.yaml', output: r.output })
      keep(recordFrames(cluster, 0, 1))
    } else if (step.kind === 'run') {
      const r = cluster.run(step.command)
      transcript.push({ time: cluster.now, command: step.command, output: r.output })
      keep(recordFrames(cluster, 0, 1))
    } else if (step.kind === 'wait') {
      keep(recordFrames(cluster, step.ms / 1000, step.ms > 120_000 ? 5 : 1))
    }
  }
  return { frames, timeline: cluster.timeline, events: cluster.events, transcript }
}
