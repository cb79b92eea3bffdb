'use client'
/**
 * The in-browser simulator for the workspace: a Web Worker holding one lib/sim Cluster, shared by Run and the
 * terminal. The worker (the engine, ~170 KB gzipped) starts on the first call, not on mount, so a lesson page
 * pays for it only when the learner runs something. `api` is stable for the component's life; `state` follows
 * every answer that carries the cluster's state; `error` is set when the worker itself fails. The worker is
 * terminated on unmount, and replaced (a fresh cluster) when `seed` or `nodes` change. The learner's files
 * (`api.writeFile`) live in the worker: they survive `api.reset`, but a replaced worker starts without them.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { State } from '@/lib/sim/index.ts'
import { SimulatorClient, SimulatorError, type SimulatorApi } from './sim-client.ts'

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

export function useSimulator(options: SimulatorOptions = {}): UseSimulator {
  const { seed, nodes, live = false } = options
  const [state, setState] = useState<State | null>(null)
  const [error, setError] = useState<string | null>(null)
  const client = useRef<SimulatorClient | null>(null)
  const mounted = useRef(false)
  const config = useRef({ seed, nodes })

  // Creates the worker on first use; the first message sets the cluster up with the seed and node count.
  const ensure = useRef((): SimulatorClient | null => {
    if (client.current || !mounted.current) return client.current
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'kubelab-simulator' })
    const c = new SimulatorClient(worker, { onState: setState, onError: setError })
    client.current = c
    setError(null)
    c.reset(config.current).catch(() => {})
    return c
  })

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      client.current?.terminate()
      client.current = null
    }
  }, [])

  // Another seed or node count is another cluster: drop the old one; the next call starts afresh.
  useEffect(() => {
    const changed = config.current.seed !== seed || config.current.nodes !== nodes
    config.current = { seed, nodes }
    if (changed && client.current) {
      client.current.terminate()
      client.current = null
      setState(null)
    }
  }, [seed, nodes])

  useEffect(() => {
    if (!live) return
    let waiting = false
    const timer = window.setInterval(() => {
      // One tick at a time: behind a long recording, ticks are skipped rather than queued up.
      if (waiting || document.hidden) return
      const c = ensure.current()
      if (!c) return
      waiting = true
      c.advance(1)
        .catch(() => {})
        .finally(() => {
          waiting = false
        })
    }, 1000)
    return () => window.clearInterval(timer)
  }, [live])

  // Stable functions that always talk to the current worker.
  const api = useMemo<SimulatorApi>(() => {
    const via =
      <A extends unknown[], R>(pick: (c: SimulatorClient) => (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const c = ensure.current()
        return c ? pick(c)(...args) : Promise.reject(new SimulatorError('the simulator is not running'))
      }
    return {
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
  }, [])

  return { api, state, error }
}
