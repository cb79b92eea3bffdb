import { describe, expect, it } from 'vitest'
import type { State } from '@/lib/sim/index'
import { deployment } from '@/components/cluster/test-manifests'
import type { SimRequest } from './protocol'
import { SimulatorClient, SimulatorError, type WorkerLike } from './sim-client'
import { createSimHost, respond } from './sim-host'

/** A worker in the same thread: answers asynchronously, possibly out of order, like a real one may not. */
function fakeWorker(options: { reverse?: boolean } = {}) {
  const host = createSimHost({ seed: 2, nodes: 2 })
  const queue: SimRequest[] = []
  const worker: WorkerLike & { flush(): void; terminated: boolean } = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    terminated: false,
    postMessage(message) {
      queue.push(structuredClone(message) as SimRequest)
      if (!options.reverse) queueMicrotask(() => worker.flush())
    },
    terminate() {
      worker.terminated = true
    },
    flush() {
      const batch = queue.splice(0)
      if (options.reverse) batch.reverse()
      for (const r of batch) worker.onmessage?.({ data: structuredClone(respond(host, r)) } as MessageEvent)
    },
  }
  return worker
}

describe('SimulatorClient', () => {
  it('matches answers to requests by id, even when they arrive out of order', async () => {
    const worker = fakeWorker({ reverse: true })
    const client = new SimulatorClient(worker)
    const snap = client.snapshot()
    const done = client.complete('kubectl ge')
    worker.flush()
    expect(await done).toEqual(['get'])
    expect((await snap).nodes).toHaveLength(2)
  })

  it('reports every state the worker sends back, so the view follows the terminal', async () => {
    const seen: State[] = []
    const client = new SimulatorClient(fakeWorker(), { onState: (s) => seen.push(s) })
    await client.apply(deployment('web', 'nginx:1.27', 2))
    await client.run('wait 30s')
    expect(seen).toHaveLength(2)
    expect(seen[1]!.pods.map((p) => p.status)).toEqual(['Running', 'Running'])
    expect(client.pendingCount).toBe(0)
  })

  it('applies and records in one call, and records nothing when every document was refused', async () => {
    const client = new SimulatorClient(fakeWorker())
    const run = await client.applyAndRecord(deployment('web', 'nginx:1.27', 1), { seconds: 20 })
    expect(run.apply.output).toBe('deployment.apps/web created\n')
    expect(run.recording!.frames.at(-1)!.time).toBe(20)
    const refused = await client.applyAndRecord('apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n')
    expect(refused.apply.ok).toBe(false)
    expect(refused.recording).toBeNull()
  })

  it("writes a file through the worker, and the terminal's kubectl applies it; the file outlives a reset", async () => {
    const seen: State[] = []
    const client = new SimulatorClient(fakeWorker(), { onState: (s) => seen.push(s) })
    expect(await client.writeFile('exercise.yaml', deployment('web', 'nginx:1.27', 2))).toEqual({ ok: true })
    expect(await client.run('kubectl apply -f exercise.yaml')).toMatchObject({ ok: true, output: 'deployment.apps/web created\n' })
    expect(seen.at(-1)!.deployments.map((d) => d.name)).toEqual(['web'])
    await client.reset({ seed: 2, nodes: 2 })
    expect(await client.listFiles()).toEqual(['exercise.yaml'])
    expect(await client.removeFile('exercise.yaml')).toEqual({ removed: true })
    expect(await client.listFiles()).toEqual([])
  })

  it('rejects with the worker error message when the engine throws', async () => {
    const client = new SimulatorClient(fakeWorker())
    await expect(client.call('explode' as never, {} as never)).rejects.toThrow(new SimulatorError('unknown simulator operation: explode'))
  })

  it('rejects waiting requests when the worker fails or is stopped, and refuses new ones', async () => {
    const worker = fakeWorker({ reverse: true })
    const errors: string[] = []
    const client = new SimulatorClient(worker, { onError: (m) => errors.push(m) })
    const waiting = client.snapshot()
    worker.onerror?.({ message: 'SyntaxError in sim.worker.ts' } as ErrorEvent)
    await expect(waiting).rejects.toThrow('SyntaxError in sim.worker.ts')
    await expect(client.snapshot()).rejects.toThrow('SyntaxError in sim.worker.ts')
    expect(errors).toEqual(['SyntaxError in sim.worker.ts'])

    const other = new SimulatorClient(fakeWorker({ reverse: true }))
    const pending = other.snapshot()
    other.terminate()
    await expect(pending).rejects.toThrow('the simulator was stopped')
  })
})
