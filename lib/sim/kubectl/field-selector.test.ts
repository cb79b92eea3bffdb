import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'
import { parseFieldSelector } from './field-selector.ts'

function cluster() {
  const c = createCluster({ seed: 1 })
  c.run('kubectl create deployment web --image=nginx:1.27 --replicas=3')
  c.run('kubectl run broken --image=nginx:no-such-tag')
  c.advance(30)
  return c
}
const names = (out: string): string[] =>
  out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[0]!)

describe('kubectl get --field-selector', () => {
  it('filters pods by phase, node and name, with = == and !=, requirements ANDed', () => {
    const c = cluster()
    const running = names(c.run('kubectl get pods --field-selector status.phase=Running').output)
    expect(running).toHaveLength(3)
    expect(running.every((n) => n.startsWith('web-'))).toBe(true)
    expect(names(c.run('kubectl get pods --field-selector status.phase!=Running').output)).toEqual(['broken'])
    expect(names(c.run(`kubectl get pods --field-selector metadata.name==${running[0]}`).output)).toEqual([running[0]])
    const onNode1 = c
      .snapshot()
      .pods.filter((p) => p.node === 'node-1' && p.phase === 'Running')
      .map((p) => p.name)
    expect(names(c.run('kubectl get pods --field-selector spec.nodeName=node-1,status.phase=Running').output)).toEqual(onNode1)
    expect(c.run('kubectl get pods --field-selector status.phase=Succeeded').output).toBe('No resources found in default namespace.\n')
  })

  it('filters events by the involved object and type, like `kubectl get events --field-selector involvedObject.name=…`', () => {
    const c = cluster()
    const warnings = c.run('kubectl get events --field-selector type=Warning').output
    expect(warnings).toContain('pod/broken')
    expect(warnings).not.toContain('Normal')
    const pod = c.snapshot().pods.find((p) => p.name.startsWith('web-'))!.name
    const mine = c.run(`kubectl get events --field-selector involvedObject.name=${pod}`).output.trim().split('\n').slice(1)
    expect(mine.length).toBeGreaterThan(2)
    expect(mine.every((l) => l.includes(`pod/${pod}`))).toBe(true)
  })

  it('refuses fields the resource cannot filter on, and malformed selectors, as the API server does', () => {
    const c = cluster()
    expect(c.run('kubectl get pods --field-selector spec.foo=bar')).toEqual({
      ok: false,
      output:
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    })
    expect(c.run('kubectl get deploy -l app=web --field-selector status.replicas=3').output).toContain(
      '"apps/v1, Resource=deployments" that match label selector "app=web"',
    )
    expect(c.run('kubectl get pods --field-selector nonsense').output).toBe(
      "Error from server (BadRequest): invalid selector: 'nonsense'; can't understand 'nonsense'\n",
    )
    expect(parseFieldSelector('a=1, b!=2,c==3')).toEqual([
      { field: 'a', op: '=', value: '1' },
      { field: 'b', op: '!=', value: '2' },
      { field: 'c', op: '=', value: '3' },
    ])
  })
})
