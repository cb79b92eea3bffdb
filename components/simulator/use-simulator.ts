'use client'
/**
 * The in-browser simulator for the workspace: a Web Worker holding one lib/sim Cluster, shared by Run and the
 * terminal. The worker (the engine, ~170 KB gzipped) starts on the first call, not on mount, so a lesson page
 * pays for it only when the learner runs something. `api` is stable for the component's life; `state` follows
 * every answer that carries the cluster's state; `error` is set when the worker itself fails. The worker is
 * terminated on unmount, and replaced (a fresh cluster) when `seed` or `nodes` change. The learner's files
 * (`api.writeFile`) live in the worker: they survive `api.reset`, but a replaced worker starts without them.
 */
import { useEffect, useState } from 'react'
import type { State } from '@/lib/sim/index'
import { SimulatorClient, SimulatorError, type SimulatorApi } from './sim-client'

export interface SimulatorOptions {
  seed?: number
  nodes?: number
  /**
   * Let virtual time follow the wall clock (one simulated second per second while the page is visible), so
   * a pod deleted in the terminal is seen being replaced and started without typing `wait`. Off by default:
   * the simulator's time otherwise moves only on Run, `wait` and `advance`. Starts the worker.
   */
  live?: boolean
}

export interface UseSimulator {
  api: SimulatorApi
  /** the cluster as of the latest answer; null until the first call */
  state: State | null
  error: string | null
}

type ClusterConfig = Pick<SimulatorOptions, 'seed' | 'nodes'>

/**
 * One component's worker: started by the first call while the component is mounted, stopped on unmount, dropped
 * when the cluster's seed or node count change. A plain object rather than refs, so that render reads only `api`
 * (built once, always talking to the current worker) and the effects and calls do the rest.
 */
class SimulatorWorker {
  private client: SimulatorClient | null = null
  private mounted = false
  readonly api: SimulatorApi

  constructor(
    private config: ClusterConfig,
    private readonly hooks: { onState(state: State | null): void; onError(message: string | null): void },
  ) {
    const via =
      <A extends unknown[], R>(pick: (c: SimulatorClient) => (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const c = this.ensure()
        return c ? pick(c)(...args) : Promise.reject(new SimulatorError('the simulator is not running'))
      }
    this.api = {
      reset: via((c) => c.reset),
      apply: via((c) => c.apply),
      run: via((c) => c.run),
      advance: via((c) => c.advance),
      snapshot: via((c) => c.snapshot),
      record: via((c) => c.record),
      complete: via((c) => c.complete),
      writeFile: via((c) => c.writeFile),
      removeFile: via((c) => c.removeFile),
      listFiles: via((c) => c.listFiles),
      check: via((c) => c.check),
      applyAndRecord: via((c) => c.applyAndRecord),
    }
  }

  /** Creates the worker on first use; the first message sets the cluster up with the seed and node count. */
  ensure(): SimulatorClient | null {
    if (this.client || !this.mounted) return this.client
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'kubelab-simulator' })
    const c = new SimulatorClient(worker, { onState: this.hooks.onState, onError: this.hooks.onError })
    this.client = c
    this.hooks.onError(null)
    c.reset(this.config).catch(() => {})
    return c
  }

  mount(): void {
    this.mounted = true
  }

  unmount(): void {
    this.mounted = false
    this.client?.terminate()
    this.client = null
  }

  /** Another seed or node count is another cluster: drop the old one; the next call starts afresh. */
  configure(config: ClusterConfig): void {
    const changed = this.config.seed !== config.seed || this.config.nodes !== config.nodes
    this.config = config
    if (changed && this.client) {
      this.client.terminate()
      this.client = null
      this.hooks.onState(null)
    }
  }
}

export function useSimulator(options: SimulatorOptions = {}): UseSimulator {
  const { seed, nodes, live = false } = options
  const [state, setState] = useState<State | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [simulator] = useState(() => new SimulatorWorker({ seed, nodes }, { onState: setState, onError: setError }))

  useEffect(() => {
    simulator.mount()
    return () => simulator.unmount()
  }, [simulator])

  useEffect(() => {
    simulator.configure({ seed, nodes })
  }, [simulator, seed, nodes])

  useEffect(() => {
    if (!live) return
    let waiting = false
    const timer = window.setInterval(() => {
      // One tick at a time: behind a long recording, ticks are skipped rather than queued up.
      if (waiting || document.hidden) return
      const c = simulator.ensure()
      if (!c) return
      waiting = true
      c.advance(1)
        .catch(() => {})
        .finally(() => {
          waiting = false
        })
    }, 1000)
    return () => window.clearInterval(timer)
  }, [simulator, live])

  return { api: simulator.api, state, error }
}
