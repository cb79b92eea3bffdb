'use client'
/**
 * The in-browser simulator for the workspace: a Web Worker holding one lib/sim Cluster, shared by Run and the
 * terminal. `api` is stable for the component's life; `state` follows every answer that carries the cluster's
 * state; `error` is set when the worker itself fails. The worker is terminated on unmount.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { State } from '@/lib/sim/index.ts'
import { SimulatorClient, SimulatorError, type SimulatorApi } from './sim-client.ts'

export interface UseSimulator {
  api: SimulatorApi
  state: State | null
  error: string | null
}

export interface SimulatorOptions {
  seed?: number
  nodes?: number
  /**
   * Let virtual time follow the wall clock (one simulated second per second while the page is visible), so
   * a pod deleted in the terminal is seen being replaced and started without typing `wait`. Off by default:
   * the simulator's time otherwise moves only on Run, `wait` and `advance`.
   */
  live?: boolean
}

export function useSimulator(options: SimulatorOptions = {}): UseSimulator {
  const { seed, nodes, live = false } = options
  const client = useRef<SimulatorClient | null>(null)
  const [state, setState] = useState<State | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'kubelab-simulator' })
    const c = new SimulatorClient(worker, { onState: setState, onError: setError })
    client.current = c
    setError(null)
    // The first answer gives the view something to draw; seed and node count make runs repeatable.
    c.reset({ seed, nodes }).catch(() => {})
    return () => {
      c.terminate()
      if (client.current === c) client.current = null
    }
  }, [seed, nodes])

  useEffect(() => {
    if (!live) return
    let waiting = false
    const timer = window.setInterval(() => {
      const c = client.current
      // One tick at a time: behind a long recording, ticks are skipped rather than queued up.
      if (!c || waiting || document.hidden) return
      waiting = true
      c.advance(1)
        .catch(() => {})
        .finally(() => {
          waiting = false
        })
    }, 1000)
    return () => window.clearInterval(timer)
  }, [live])

  // Stable functions that always talk to the current worker (Strict Mode mounts twice; seed changes replace it).
  const api = useMemo<SimulatorApi>(() => {
    const via =
      <A extends unknown[], R>(pick: (c: SimulatorClient) => (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const c = client.current
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
      applyAndRecord: via((c) => c.applyAndRecord),
    }
  }, [])

  return { api, state, error }
}
