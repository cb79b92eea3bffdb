// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { SimRequest } from './protocol'
import type { WorkerLike } from './sim-client'
import { createSimHost, respond } from './sim-host'
import { useSimulator, type SimulatorOptions } from './use-simulator'

/** The Web Workers the hook started: each a real simulator host in this thread, answering asynchronously. */
const started: FakeWorker[] = []

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  terminated = false
  readonly requests: SimRequest[] = []
  private readonly host = createSimHost()

  constructor() {
    started.push(this)
  }

  postMessage(message: unknown): void {
    const request = structuredClone(message) as SimRequest
    this.requests.push(request)
    queueMicrotask(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(respond(this.host, request)) } as MessageEvent)
    })
  }

  terminate(): void {
    this.terminated = true
  }
}

const ops = (worker: FakeWorker | undefined) => worker?.requests.map((r) => r.op)

function renderSimulator(options: SimulatorOptions) {
  return renderHook((o: SimulatorOptions) => useSimulator(o), { initialProps: options })
}

beforeEach(() => {
  started.length = 0
  vi.stubGlobal('Worker', FakeWorker)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('useSimulator: the worker', () => {
  it('starts no worker on mount; the first call starts one, sets its cluster up, and the state follows the answer', async () => {
    const { result } = renderSimulator({ seed: 5, nodes: 2 })
    expect(started).toHaveLength(0)
    expect(result.current.state).toBeNull()

    let snapshot: unknown
    await act(async () => {
      snapshot = await result.current.api.snapshot()
    })
    expect(started).toHaveLength(1)
    expect(started[0]!.requests[0]).toMatchObject({ op: 'reset', args: { seed: 5, nodes: 2 } })
    expect(ops(started[0])).toEqual(['reset', 'snapshot'])
    expect(result.current.state).toEqual(snapshot)
    expect(result.current.state?.nodes).toHaveLength(2)
  })

  it('keeps the same api across renders, talking to the worker it started', async () => {
    const { result, rerender } = renderSimulator({ seed: 5, nodes: 2 })
    const api = result.current.api
    rerender({ seed: 5, nodes: 2, live: false })
    expect(result.current.api).toBe(api)
    await act(async () => {
      await api.run('kubectl get nodes')
      await result.current.api.listFiles()
    })
    expect(started).toHaveLength(1)
    expect(ops(started[0])).toEqual(['reset', 'run', 'listFiles'])
  })

  it('drops the running cluster when the seed changes; the next call starts a fresh one with the new seed', async () => {
    const { result, rerender } = renderSimulator({ seed: 5, nodes: 2 })
    await act(async () => {
      await result.current.api.snapshot()
    })
    expect(result.current.state).not.toBeNull()

    rerender({ seed: 6, nodes: 2 })
    expect(started[0]!.terminated).toBe(true)
    expect(result.current.state).toBeNull()

    await act(async () => {
      await result.current.api.snapshot()
    })
    expect(started).toHaveLength(2)
    expect(started[1]!.requests[0]).toMatchObject({ op: 'reset', args: { seed: 6, nodes: 2 } })
  })

  it('reports a worker that fails, and clears the report when a fresh worker starts', async () => {
    const { result, rerender } = renderSimulator({ seed: 5, nodes: 2 })
    await act(async () => {
      await result.current.api.snapshot()
    })
    act(() => started[0]!.onerror?.({ message: 'the worker crashed' } as ErrorEvent))
    expect(result.current.error).toBe('the worker crashed')

    rerender({ seed: 5, nodes: 3 })
    await act(async () => {
      await result.current.api.snapshot()
    })
    expect(started).toHaveLength(2)
    expect(result.current.error).toBeNull()
  })

  it('stops the worker on unmount; a call after that is refused', async () => {
    const { result, unmount } = renderSimulator({ seed: 5, nodes: 2 })
    const api = result.current.api
    await act(async () => {
      await api.snapshot()
    })
    unmount()
    expect(started[0]!.terminated).toBe(true)
    await expect(api.snapshot()).rejects.toThrow('the simulator is not running')
    expect(started).toHaveLength(1)
  })
})

describe('useSimulator: live', () => {
  it('moves virtual time one second per second of the wall clock, starting the worker itself', async () => {
    vi.useFakeTimers()
    const { result } = renderSimulator({ seed: 5, nodes: 2, live: true })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000)
    })
    expect(ops(started[0])).toEqual(['reset', 'advance', 'advance', 'advance'])
    expect(result.current.state?.time).toBe(3)
  })

  it('leaves the clock alone when not live', async () => {
    vi.useFakeTimers()
    renderSimulator({ seed: 5, nodes: 2 })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000)
    })
    expect(started).toHaveLength(0)
  })
})
