import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { recordDemo } from './record-demo'

const dir = 'content/kubernetes-basics/demos'

describe('lesson demos', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.scenario.yaml')))('%s records a replay the simulator fully understands', (file) => {
    const recording = recordDemo(readFileSync(`${dir}/${file}`, 'utf8'))
    expect(recording).not.toBeNull()
    expect(recording!.frames.length).toBeGreaterThan(1)
    expect(recording!.frames.length).toBeLessThan(400)
    const times = recording!.frames.map((f) => f.time)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // Commands the simulator does not know would show up here; kubectl's own errors (a stalled rollout) are part of a demo.
    for (const entry of recording!.transcript) expect(entry.output).not.toMatch(/unknown (command|flag|shorthand)|not supported/i)
  })

  it('shows a deleted pod replaced by a new one with a new name', () => {
    const recording = recordDemo(readFileSync(`${dir}/pod-replaced.scenario.yaml`, 'utf8'))!
    const names = (i: number) => new Set(recording.frames[i]!.state.pods.filter((p) => !p.terminating).map((p) => p.name))
    const first = recording.frames.findIndex((f) => f.state.pods.filter((p) => p.ready).length === 3)
    const last = recording.frames.length - 1
    expect(first).toBeGreaterThan(0)
    expect([...names(last)].some((n) => names(first).has(n))).toBe(false)
  })
})
