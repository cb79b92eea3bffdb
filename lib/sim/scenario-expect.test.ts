/** Scenario steps `apply: {file}` (read through the caller) and `expect` (state paths against values or ranges). */
import { describe, expect, it } from 'vitest'
import { parseScenario, runScenario } from './index.ts'
import { checkExpectations, stateValue } from './scenario.ts'
import { deploymentYaml } from '../testing/cluster.ts'

const web = deploymentYaml({ container: 'nginx', containerFields: 'readinessProbe: {httpGet: {path: /, port: 80}}' })

describe('scenario expectations', () => {
  it('pass and fail with one line each, and a failed expect fails the run', () => {
    const text = `cluster: {seed: 1, nodes: 2}
steps:
  - apply: {file: web.yaml}
  - wait: 30s
  - expect:
      deployments.web.availableReplicas: 2
      deployments.web.images: ["nginx:1.27"]
      nodes.node-1.ready: true
  - expect:
      deployments.web.replicas: {min: 3}
      deployments.nothing.replicas: 1
`
    const { scenario, errors } = parseScenario(text, { readFile: (p) => (p === 'web.yaml' ? web : '') })
    expect(errors).toEqual([])
    expect(scenario!.steps[0]).toMatchObject({ kind: 'apply', file: 'web.yaml', text: web, line: 3 })
    const result = runScenario(scenario!)
    expect(result.steps[2]).toMatchObject({
      kind: 'expect',
      ok: true,
      output: 'ok: deployments.web.availableReplicas = 2\nok: deployments.web.images = ["nginx:1.27"]\nok: nodes.node-1.ready = true\n',
    })
    expect(result.steps[3]).toMatchObject({
      kind: 'expect',
      ok: false,
      output: 'FAILED: deployments.web.replicas ≥ 3, but it is 2\nFAILED: deployments.nothing.replicas = 1, but it is nothing\n',
    })
    expect(result.ok).toBe(false)
  })

  it('refuses malformed expectations and files it cannot read, with their lines', () => {
    const text = `steps:
  - expect: 3
  - expect:
      replicas: 3
  - expect:
      deployments.web.replicas: {least: 3}
  - apply: {file: missing.yaml}
`
    const { scenario, errors } = parseScenario(text, {
      readFile: () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
      },
    })
    expect(scenario).toBeNull()
    expect(errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [2, 'steps[0].expect', expect.stringContaining('expect takes a mapping of state paths to values')],
      [4, 'steps[1].expect.replicas', expect.stringContaining('expect takes a mapping')],
      [6, 'steps[2].expect.deployments.web.replicas', 'a range is {min: N} or {max: N} or both'],
      [7, 'steps[3].apply.file', 'cannot read missing.yaml: no such file'],
    ])
  })

  it('reads files only through the caller: the browser and the grader never read the disk', () => {
    const { errors } = parseScenario('steps:\n  - apply: {file: /etc/passwd}\n')
    expect(errors).toEqual([{ path: 'steps[0].apply.file', line: 2, column: 12, message: 'apply: {file} is read by the kubelab CLI only' }])
  })

  it('indexes lists by name and compares whole values', () => {
    const state = {
      deployments: [
        { name: 'a', replicas: 1 },
        { name: 'b', replicas: 2 },
      ],
      traffic: { web: { failed: 0 } },
    }
    expect(stateValue(state, 'deployments.b.replicas')).toBe(2)
    expect(stateValue(state, 'traffic.web.failed')).toBe(0)
    expect(stateValue(state, 'deployments.c.replicas')).toBeUndefined()
    expect(
      checkExpectations(state as never, [
        { path: 'traffic.web', equals: { failed: 0 } },
        { path: 'deployments.a.replicas', max: 0 },
      ]),
    ).toEqual({
      ok: false,
      output: 'ok: traffic.web = {"failed":0}\nFAILED: deployments.a.replicas ≤ 0, but it is 1\n',
    })
  })
})
