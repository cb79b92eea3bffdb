// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { SimulatorOptions } from '@/components/simulator/use-simulator'
import type { LineDiagnostic } from '@/lib/api-contract/exercises'

/**
 * The worker stands in as a fake cluster that logs each call; `time` is its virtual clock. The hook under test
 * is the real one: only `useSimulator` (which starts a Web Worker) is replaced.
 */
const sim = vi.hoisted(() => {
  const fake = {
    calls: [] as string[],
    time: 0,
    /** what the next applyAndRecord answers: a recording, or the YAML's errors */
    applyErrors: [] as unknown[],
    rejectYaml: false,
    failReset: null as string | null,
    options: null as unknown,
    state: null as { time: number } | null,
    api: {} as Record<string, (...args: never[]) => Promise<unknown>>,
  }
  const state = () => ({ time: fake.time })
  fake.api = {
    reset: async (options: unknown) => {
      fake.calls.push(`reset ${JSON.stringify(options)}`)
      if (fake.failReset) throw new Error(fake.failReset)
      fake.time = 0
      return state()
    },
    apply: async (yaml: string) => (fake.calls.push(`apply ${yaml}`), { errors: [], state: state() }),
    run: async (command: string) => (
      fake.calls.push(`run ${command}`),
      { ok: true, output: `ran ${command}`, notice: undefined, state: state() }
    ),
    advance: async (seconds: number) => {
      fake.calls.push(`advance ${seconds}`)
      fake.time += seconds
      return state()
    },
    snapshot: async () => state(),
    writeFile: async (path: string, text: string) => (fake.calls.push(`write ${path}: ${text}`), { ok: true }),
    applyAndRecord: async (yaml: string, options: unknown) => {
      fake.calls.push(`applyAndRecord ${yaml} ${JSON.stringify(options)}`)
      return { apply: { errors: fake.applyErrors }, recording: fake.rejectYaml ? null : { frames: [], timeline: [], events: [] } }
    },
  }
  return fake
})
vi.mock('@/components/simulator/use-simulator', () => ({
  useSimulator: (options: SimulatorOptions) => {
    sim.options = options
    return { api: sim.api, state: sim.state, error: null }
  },
}))
const { useClusterRun } = await import('./useClusterRun')

type Options = Parameters<typeof useClusterRun>[0]

function renderCluster(overrides: Partial<Options> = {}) {
  const options: Options = {
    cluster: { seed: 7, nodes: 2 },
    setup: [{ apply: 'kind: Namespace' }, { run: 'kubectl create deployment web --image=nginx' }, { wait: '30s' }],
    recordCommands: false,
    showingLive: () => false,
    ...overrides,
  }
  return renderHook((o: Options) => useClusterRun(o), { initialProps: options })
}

beforeEach(() => {
  Object.assign(sim, { calls: [], time: 0, applyErrors: [], rejectYaml: false, failReset: null, options: null, state: null })
})

describe('useClusterRun: Run', () => {
  it("starts from the exercise's prepared cluster, as the grader does, then applies and records two minutes", async () => {
    const { result } = renderCluster()
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.run('kind: Deployment')
    })
    expect(outcome).toEqual({ status: 'recorded' })
    expect(sim.calls).toEqual([
      'reset {"seed":7,"nodes":2}',
      'apply kind: Namespace',
      'run kubectl create deployment web --image=nginx',
      'advance 30',
      'applyAndRecord kind: Deployment {"seconds":120}',
    ])
    expect(result.current.recording).toEqual({ frames: [], timeline: [], events: [] })
    expect(result.current.mode).toBe('recording')
    expect(result.current.running).toBe(false)
  })

  it('reports YAML the cluster refused, with its markers', async () => {
    const marker: LineDiagnostic = {
      field: 'spec.replicas',
      line: 6,
      column: 3,
      message: 'Invalid value',
      hint: { ko: '정수', en: 'an integer' },
    }
    sim.rejectYaml = true
    sim.applyErrors = [marker]
    const { result } = renderCluster()
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.run('replicas: three')
    })
    expect(outcome).toEqual({ status: 'rejected' })
    expect(result.current.runMarkers).toEqual([marker])
    expect(result.current.recording).toBeNull()
  })

  it('reports a simulator that failed, and is ready to run again', async () => {
    sim.failReset = 'worker crashed'
    const { result } = renderCluster()
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.run('kind: Deployment')
    })
    expect(outcome).toEqual({ status: 'failed', message: 'worker crashed' })
    expect(result.current.running).toBe(false)
  })
})

describe('useClusterRun: the terminal', () => {
  it('records the commands of a command exercise, with the virtual time that passed between them', async () => {
    const { result, rerender } = renderCluster({ recordCommands: true, setup: [] })
    await act(() => result.current.runCommand('kubectl delete pod web-1'))
    // the live cluster's clock moves on while the learner watches (useSimulator's state follows it)
    sim.state = { time: 42 }
    rerender({ cluster: { seed: 7, nodes: 2 }, setup: [], recordCommands: true, showingLive: () => false })
    await act(() => result.current.runCommand('kubectl get pods'))
    expect(result.current.commands).toEqual(['kubectl delete pod web-1', 'kubectl get pods'])
    expect(result.current.submittedCommands).toEqual(['kubectl delete pod web-1', 'wait 42s', 'kubectl get pods'])
    expect(result.current.mode).toBe('live')
    expect(sim.calls.filter((c) => c.startsWith('reset'))).toHaveLength(1) // prepared once, before the first command
  })

  it("gives a manifest exercise's terminal the editor's text as a file, and records nothing", async () => {
    const { result } = renderCluster({ setup: [], editorText: () => 'kind: Pod' })
    const answer = await act(() => result.current.runCommand('kubectl apply -f exercise.yaml'))
    expect(answer).toEqual({ ok: true, output: 'ran kubectl apply -f exercise.yaml', notice: undefined })
    expect(sim.calls.slice(1)).toEqual(['write exercise.yaml: kind: Pod', 'run kubectl apply -f exercise.yaml'])
    expect(result.current.commands).toEqual([])
  })

  it('lets the clock follow the wall clock only while the live cluster is on screen', async () => {
    const showingLive = (prepared: boolean, mode: string) => prepared && mode === 'live'
    const { result } = renderCluster({ setup: [], showingLive })
    expect(sim.options).toMatchObject({ seed: 7, nodes: 2, live: false })
    await act(() => result.current.runCommand('kubectl get pods'))
    expect(sim.options).toMatchObject({ live: true })
  })

  it('Reset cluster forgets the typed commands and prepares the cluster again', async () => {
    const { result } = renderCluster({ recordCommands: true, setup: [] })
    await act(() => result.current.runCommand('kubectl get pods'))
    await act(() => result.current.resetCluster())
    expect(result.current.commands).toEqual([])
    expect(result.current.submittedCommands).toEqual([])
    expect(result.current.resetCount).toBe(1)
    expect(sim.calls.filter((c) => c.startsWith('reset'))).toHaveLength(2)
  })
})
