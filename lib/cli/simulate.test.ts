import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { run } from './simulate.ts'

const TESTDATA = new URL('../sim/testdata/', import.meta.url)
const UPDATE = process.env.UPDATE_GOLDEN === '1'

async function simulate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}

describe('simulate golden scenarios (lib/sim/testdata; UPDATE_GOLDEN=1 regenerates)', () => {
  const files = readdirSync(TESTDATA)
    .filter((f) => f.endsWith('.scenario.yaml'))
    .sort()
  it('has scenarios', () => expect(files.length).toBeGreaterThanOrEqual(3))
  for (const f of files) {
    it(f, async () => {
      // Relative to the repository, so file names in the golden output do not depend on where it is cloned.
      const path = relative(process.cwd(), fileURLToPath(new URL(f, TESTDATA)))
      const r = await simulate([path, '--json'])
      const result = JSON.parse(r.stdout) as { ok: boolean }
      const pretty = `${JSON.stringify(result, null, 2)}\n`
      const expectedPath = new URL(f.replace('.scenario.yaml', '.expected.json'), TESTDATA).pathname
      if (UPDATE) writeFileSync(expectedPath, pretty)
      if (!existsSync(expectedPath))
        throw new Error(`${expectedPath} is missing: run UPDATE_GOLDEN=1 npx vitest run lib/cli/simulate.test.ts and review it`)
      expect(pretty).toBe(readFileSync(expectedPath, 'utf8'))
      expect(r.code).toBe(result.ok ? 0 : 1)
    })
  }
})

describe('simulate CLI contract', () => {
  it('prints exactly one JSON object with the documented keys', async () => {
    const r = await simulate([new URL('rolling-update.scenario.yaml', TESTDATA).pathname, '--json'])
    expect(r.code).toBe(0)
    const o = JSON.parse(r.stdout)
    expect(Object.keys(o)).toEqual(['ok', 'steps', 'snapshots', 'final', 'timeline', 'events'])
    expect(o.steps[0]).toEqual({
      index: 0,
      kind: 'apply',
      ok: true,
      output: 'deployment.apps/web created\nservice/web created\n',
      errors: [],
    })
    expect(o.timeline[0].time).toBe(0)
    expect(Object.keys(o.final)).toEqual(['time', 'nodes', 'pods', 'replicaSets', 'deployments', 'services', 'traffic'])
    expect(o.final.traffic.web.failed).toBe(0)
    expect(o.snapshots['after-rollout'].deployments[0]).toMatchObject({
      name: 'web',
      replicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      revision: 2,
    })
  })

  it('exits 1 when a step fails and keeps going', async () => {
    const r = await simulate([new URL('failures.scenario.yaml', TESTDATA).pathname, '--json'])
    expect(r.code).toBe(1)
    const o = JSON.parse(r.stdout)
    const bad = o.steps.filter((s: { ok: boolean }) => !s.ok).map((s: { index: number }) => s.index)
    expect(bad).toEqual([13, 14])
    expect(o.steps[13].errors[0]).toMatchObject({ field: 'spec.selector', type: 'FieldValueInvalid', document: 0 })
    expect(o.steps[14].output).toBe('Error from server (NotFound): deployments.apps "nothing" not found\n')
  })

  it('exits 2 on usage and I/O errors and on a malformed scenario, with line numbers', async () => {
    expect((await simulate([])).code).toBe(2)
    expect((await simulate(['/nonexistent/x.yaml'])).code).toBe(2)
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-sim-'))
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, 'cluster:\n  seed: 1\nsteps:\n  - wait: soon\n  - frobnicate: 1\n')
    const r = await simulate([bad])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${bad}:4:11: steps[0].wait: wait takes a duration`)
    expect(r.stderr).toContain(`${bad}:5:5: steps[1]: unknown step "frobnicate"`)
    const j = await simulate([bad, '--json'])
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, error: 'invalid scenario' })
  })

  it('prints a readable transcript without --json', async () => {
    const r = await simulate([new URL('crashloop.scenario.yaml', TESTDATA).pathname])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('$ kubectl get pods   # step 3, t=120s')
    expect(r.stdout).toMatch(/crasher\s+0\/1\s+(CrashLoopBackOff|Error)/)
    expect(r.stdout).toContain('tick 1\ntick 2\ntick 3')
  })
})
