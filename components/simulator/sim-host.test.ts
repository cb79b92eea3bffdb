import { describe, expect, it } from 'vitest'
import { createSimHost, MAX_RECORD_LOOKS, respond } from './sim-host'
import { deployment, service } from '@/components/cluster/test-manifests'
import { findExercise } from '@/lib/content/load'
import { publicChecklist } from '@/lib/grading/checklist'

const web = deployment('web', 'nginx:1.27', 3) + '---\n' + service('web')

describe('the simulator host', () => {
  it('applies YAML and records the pods turning Running, with the timeline and events of that run', () => {
    const host = createSimHost({ seed: 7, nodes: 3 })
    const applied = host.handle('apply', { yaml: web })
    expect(applied.ok).toBe(true)
    expect(applied.output).toBe('deployment.apps/web created\nservice/web created\n')
    const rec = host.handle('record', { seconds: 120, step: 0.5 })
    expect(rec.frames[0]!.time).toBe(0)
    expect(rec.frames.at(-1)!.time).toBe(120)
    expect(rec.frames.at(-1)!.state.pods.map((p) => p.status)).toEqual(['Running', 'Running', 'Running'])
    expect(rec.timeline.at(-1)!.deployments.web).toMatchObject({ availableReplicas: 3 })
    expect(rec.events.some((e) => e.reason === 'ScalingReplicaSet')).toBe(true)
    expect(rec.events.filter((e) => e.reason === 'Started')).toHaveLength(3)
  })

  it('shares one cluster between Run and the terminal: a deleted pod is replaced by a new one', () => {
    const host = createSimHost({ seed: 7, nodes: 3 })
    host.handle('apply', { yaml: web })
    host.handle('record', { seconds: 60 })
    const before = host.handle('snapshot', {}).pods.map((p) => p.name)
    const victim = before[0]!
    const deleted = host.handle('run', { command: `kubectl delete pod ${victim}` })
    expect(deleted).toMatchObject({ ok: true, output: `pod "${victim}" deleted\n` })
    const after = deleted.state.pods.filter((p) => !p.terminating).map((p) => p.name)
    expect(after).toHaveLength(3)
    expect(after).not.toContain(victim)
    expect(after.filter((n) => !before.includes(n))).toHaveLength(1)
  })

  it('a second recording starts where the first ended and carries only its own events', () => {
    const host = createSimHost({ seed: 7, nodes: 2 })
    host.handle('apply', { yaml: web })
    host.handle('record', { seconds: 60 })
    host.handle('run', { command: 'kubectl scale deployment web --replicas=5' })
    const rec = host.handle('record', { seconds: 30 })
    expect(rec.frames[0]!.time).toBe(60)
    expect(rec.events.every((e) => e.time >= 60)).toBe(true)
    expect(rec.events.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(2)
    expect(rec.timeline[0]!.time).toBeLessThanOrEqual(60)
    expect(rec.timeline.at(-1)!.deployments.web!.availableReplicas).toBe(5)
  })

  it('completes resource names from the live cluster', () => {
    const host = createSimHost({ seed: 7, nodes: 2 })
    host.handle('apply', { yaml: web })
    host.handle('advance', { seconds: 10 })
    const pods = host
      .handle('snapshot', {})
      .pods.map((p) => p.name)
      .sort()
    expect(host.handle('complete', { line: 'kubectl logs web-' })).toEqual(pods)
    expect(host.handle('complete', { line: 'kubectl get deploy' })).toContain('deployments')
  })

  it('reset starts a fresh cluster with the nodes asked for', () => {
    const host = createSimHost({ seed: 7, nodes: 2 })
    host.handle('apply', { yaml: web })
    const fresh = host.handle('reset', { seed: 3, nodes: 4 })
    expect(fresh.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3', 'node-4'])
    expect(fresh.pods).toEqual([])
    expect(host.handle('reset', { nodes: 0 }).nodes).toHaveLength(3)
  })

  it("keeps the learner's files, which kubectl -f and cat read, and carries them into the cluster a reset makes", () => {
    const host = createSimHost({ seed: 7, nodes: 2 })
    expect(host.handle('writeFile', { path: 'exercise.yaml', text: web })).toEqual({ ok: true })
    expect(host.handle('listFiles', {})).toEqual(['exercise.yaml'])
    expect(host.handle('run', { command: 'kubectl apply -f exercise.yaml' })).toMatchObject({
      ok: true,
      output: 'deployment.apps/web created\nservice/web created\n',
    })
    host.handle('advance', { seconds: 30 })
    const fresh = host.handle('reset', { seed: 7, nodes: 2 })
    expect(fresh.deployments).toEqual([])
    expect(host.handle('listFiles', {})).toEqual(['exercise.yaml'])
    expect(host.handle('run', { command: 'cat ~/exercise.yaml' }).output).toBe(web)
    const again = host.handle('run', { command: 'kubectl apply -f exercise.yaml' })
    expect(again.output).toBe('deployment.apps/web created\nservice/web created\n')
    expect(again.state.deployments.map((d) => d.name)).toEqual(['web'])
    expect(host.handle('removeFile', { path: '/home/learner/exercise.yaml' })).toEqual({ removed: true })
    expect(host.handle('run', { command: 'kubectl apply -f exercise.yaml' })).toMatchObject({
      ok: false,
      output: 'error: the path "exercise.yaml" does not exist\n',
    })
  })

  it("refuses a file that is too large or badly named with a code and a clear error, and passes kubectl diff's exit status on", () => {
    const host = createSimHost()
    expect(host.handle('writeFile', { path: 'big.yaml', text: 'x'.repeat(300 * 1024) })).toEqual({
      ok: false,
      code: 'tooLarge',
      error: 'big.yaml is 300 KiB; a file holds at most 256 KiB',
    })
    expect(host.handle('writeFile', { path: '/etc/hosts', text: '' })).toMatchObject({ ok: false, code: 'badName' })
    expect(host.handle('writeFile', { path: undefined as never, text: 'x' })).toMatchObject({ ok: false, code: 'badName' })
    host.handle('writeFile', { path: 'web.yaml', text: web })
    const diff = host.handle('run', { command: 'kubectl diff -f web.yaml' })
    expect(diff).toMatchObject({ ok: false, exitCode: 1 })
    expect(diff.output).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web /)
    expect(host.handle('run', { command: 'kubectl apply -f -' })).toMatchObject({ ok: false, notice: 'stdinNotSupported' })
  })

  it('answers bad YAML and unknown commands with kubectl errors, not failures of the worker', () => {
    const host = createSimHost()
    const bad = respond(host, { id: 1, op: 'apply', args: { yaml: 'kind: Deployment\n  oops: [' } })
    expect(bad).toMatchObject({ id: 1, ok: true, result: { ok: false } })
    const unknown = respond(host, { id: 2, op: 'run', args: { command: 'kubectl frobnicate' } })
    expect(unknown).toMatchObject({ id: 2, ok: true, result: { ok: false } })
  })

  it('turns an unknown operation into an error response with the request id', () => {
    const reply = respond(createSimHost(), { id: 9, op: 'explode' as never, args: {} as never })
    expect(reply).toEqual({ id: 9, ok: false, error: 'unknown simulator operation: explode' })
  })

  it('has the grader’s limits, so a learner’s tab answers a hostile command at once instead of hanging', () => {
    const host = createSimHost({ seed: 7, nodes: 3 })
    host.handle('apply', { yaml: web })
    const started = performance.now()
    const scaled = host.handle('run', { command: 'kubectl scale deployment web --replicas=50000' })
    expect(scaled).toMatchObject({ ok: false, notice: 'overBudget' })
    expect(scaled.output).toContain("exceeded the simulator's limit of 50 Pods")
    const huge = host.handle('apply', { yaml: deployment('big', 'nginx:1.27', 100_000) })
    expect(huge.ok).toBe(false)
    expect(huge.output).toContain("exceeded the simulator's limit of 50 Pods (this manifest asks for 100000 Pods)")
    expect(host.handle('run', { command: 'wait 1000h' }).output).toContain("the simulator's limit of 1h of virtual time")
    expect(performance.now() - started).toBeLessThan(1000)
    // a reset starts a fresh cluster within budget again
    host.handle('reset', { seed: 7, nodes: 3 })
    expect(host.cluster.budget.over).toBeNull()
  })

  it('widens a recording’s step so one recording takes a bounded number of looks', () => {
    const host = createSimHost({ seed: 7, nodes: 3 })
    host.handle('apply', { yaml: web })
    const rec = host.handle('record', { seconds: 3600, step: 0.001 })
    expect(rec.frames.at(-1)!.time).toBe(3600)
    expect(rec.frames.length).toBeLessThanOrEqual(MAX_RECORD_LOOKS + 2)
  })

  it('grades the learner’s YAML with the public checks on a cluster of its own, leaving the workspace’s cluster alone', () => {
    const { exercise } = findExercise('deployment-web')!
    const browser = publicChecklist(exercise, 'en').exercise!
    const host = createSimHost({ seed: 7, nodes: 3 })
    const before = host.handle('snapshot', {})
    const wrong = exercise.solution.replace('replicas: 3', 'replicas: 2')
    const failing = host.handle('check', { exercise: browser, yaml: wrong, lang: 'en' })
    expect(failing.valid).toBe(true)
    expect(failing.checks.find((c) => c.id === 'replicas')).toEqual({ id: 'replicas', passed: false })
    const passing = host.handle('check', { exercise: browser, yaml: exercise.solution, lang: 'en' })
    expect(passing.checks.map((c) => c.passed)).toEqual(browser.checks.map(() => true))
    expect(passing.overBudget).toBeNull()
    // YAML the cluster refuses: its checks were not run (the validation errors say why), as on Submit
    const refused = host.handle('check', {
      exercise: browser,
      yaml: exercise.solution.replace('replicas: 3', 'replicas: three'),
      lang: 'en',
    })
    expect(refused.valid).toBe(false)
    expect(refused.checks.every((c) => c.notRun === true && !c.passed)).toBe(true)
    expect(host.handle('snapshot', {})).toEqual(before)
  })
})
