/**
 * `kubectl delete --field-selector`: kubectl lists with the label and field selectors and deletes what the list
 * returned (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go, resource.Builder's FieldSelectorParam); the API
 * server refuses a field the resource cannot filter on (pkg/registry/core/pod/strategy.go ToSelectableFields).
 */
import { describe, expect, it } from 'vitest'
import { clusterWith, deploymentYaml } from '../../testing/cluster.ts'

function cluster() {
  return clusterWith(deploymentYaml({ replicas: 3, container: 'nginx' }), { seed: 7, nodes: 3, advance: 30 })
}

const podsOn = (c: ReturnType<typeof cluster>, node: string) =>
  c
    .run('kubectl get pods -o wide')
    .output.split('\n')
    .filter((l) => l.includes(` ${node} `) && l.includes('Running'))
    .map((l) => l.split(/\s+/)[0])

describe('kubectl delete --field-selector', () => {
  it('deletes only the Pods both selectors match (here: the one on node-1), never every Pod of the label', () => {
    const c = cluster()
    const [onNode1] = podsOn(c, 'node-1')
    const others = [...podsOn(c, 'node-2'), ...podsOn(c, 'node-3')]
    const out = c.run('kubectl delete pod -l app=web --field-selector spec.nodeName=node-1')
    expect(out).toMatchObject({ ok: true, output: `pod "${onNode1}" deleted\n` })
    const after = c.run('kubectl get pods').output
    for (const name of others) expect(after).toMatch(new RegExp(`${name}\\s+1/1\\s+Running`))
  })

  it('takes != and a field selector alone', () => {
    const c = cluster()
    const kept = podsOn(c, 'node-2')
    const out = c.run('kubectl delete pods --field-selector spec.nodeName!=node-2').output
    expect(out.trim().split('\n')).toHaveLength(2)
    expect(out).not.toContain(kept[0]!)
  })

  it("refuses a field the Pod resource cannot filter on, with the API server's words, and deletes nothing", () => {
    const c = cluster()
    const before = c.run('kubectl get pods').output
    const out = c.run('kubectl delete pods --field-selector spec.foo=x')
    expect(out.ok).toBe(false)
    expect(out.output).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=x": field label not supported: spec.foo\n',
    )
    expect(c.run('kubectl get pods').output).toBe(before)
  })

  it('answers No resources found when nothing matches', () => {
    expect(cluster().run('kubectl delete pods --field-selector status.phase=Failed').output).toBe('No resources found\n')
  })
})
