/**
 * Strategic merge patch as k8s.io/apimachinery/pkg/util/strategicpatch/patch.go applies it, with the merge keys of
 * k8s.io/api/core/v1/types.go (`patchMergeKey:"name"` on containers, `"containerPort"` on ports, …).
 */
import { describe, expect, it } from 'vitest'
import { strategicMergePatch, StrategicMergeError } from './strategic-merge.ts'

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers, ...extra },
})
const nginx = { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] }
const sidecar = { name: 'log', image: 'busybox:1.36', command: ['sh', '-c', 'tail -F /x'] }

describe('strategic merge patch', () => {
  it.each([
    [
      'a container is merged into the one of the same name',
      pod([nginx, sidecar]),
      { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } },
      pod([{ ...nginx, image: 'nginx:1.28' }, sidecar]),
    ],
    [
      'a container of a new name is added at the end',
      pod([nginx]),
      { spec: { containers: [{ name: 'log', image: 'busybox:1.36' }] } },
      pod([nginx, { name: 'log', image: 'busybox:1.36' }]),
    ],
    [
      '$patch: delete removes the container with that name',
      pod([nginx, sidecar]),
      { spec: { containers: [{ name: 'log', $patch: 'delete' }] } },
      pod([nginx]),
    ],
    [
      'ports merge by containerPort',
      pod([nginx]),
      { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] } },
      pod([{ ...nginx, ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }]),
    ],
    [
      'env merges by name',
      pod([nginx]),
      {
        spec: {
          containers: [
            {
              name: 'nginx',
              env: [
                { name: 'B', value: '2' },
                { name: 'A', value: 'one' },
              ],
            },
          ],
        },
      },
      pod([
        {
          ...nginx,
          env: [
            { name: 'A', value: 'one' },
            { name: 'B', value: '2' },
          ],
        },
      ]),
    ],
    [
      'a list without a merge key (command) is replaced',
      pod([sidecar]),
      { spec: { containers: [{ name: 'log', command: ['sleep', '1'] }] } },
      pod([{ ...sidecar, command: ['sleep', '1'] }]),
    ],
    [
      'volumes merge by name',
      pod([nginx], { volumes: [{ name: 'a', emptyDir: {} }] }),
      { spec: { volumes: [{ name: 'b', emptyDir: {} }] } },
      pod([nginx], {
        volumes: [
          { name: 'a', emptyDir: {} },
          { name: 'b', emptyDir: {} },
        ],
      }),
    ],
    [
      'null removes a field',
      pod([nginx]),
      { spec: { containers: [{ name: 'nginx', env: null }] } },
      pod([{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }]),
    ],
    [
      '$patch: replace in a list replaces it whole',
      pod([nginx, sidecar]),
      { spec: { containers: [{ name: 'web', image: 'x' }, { $patch: 'replace' }] } },
      pod([{ name: 'web', image: 'x' }]),
    ],
    [
      '$patch: replace in a map replaces the map',
      { kind: 'Pod', metadata: { name: 'p', labels: { a: '1', b: '2' } } },
      { metadata: { labels: { c: '3', $patch: 'replace' } } },
      { kind: 'Pod', metadata: { name: 'p', labels: { c: '3' } } },
    ],
    [
      'maps (labels) merge key by key',
      { kind: 'Pod', metadata: { name: 'p', labels: { a: '1' } } },
      { metadata: { labels: { b: '2' } } },
      { kind: 'Pod', metadata: { name: 'p', labels: { a: '1', b: '2' } } },
    ],
    [
      '$setElementOrder is an ordering hint, not data',
      pod([nginx]),
      { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'nginx', image: 'n' }] } },
      pod([{ ...nginx, image: 'n' }]),
    ],
    [
      '$deleteFromPrimitiveList removes values from a list of scalars',
      pod([sidecar]),
      { spec: { containers: [{ name: 'log', '$deleteFromPrimitiveList/command': ['-c'] }] } },
      pod([{ ...sidecar, command: ['sh', 'tail -F /x'] }]),
    ],
    [
      'finalizers are a set: new values are added once',
      { kind: 'Pod', metadata: { name: 'p', finalizers: ['a'] } },
      { metadata: { finalizers: ['a', 'b'] } },
      { kind: 'Pod', metadata: { name: 'p', finalizers: ['a', 'b'] } },
    ],
  ])('%s', (_name, original, patch, result) => {
    const before = structuredClone(original)
    expect(strategicMergePatch(original, patch, 'Pod')).toEqual(result)
    expect(original).toEqual(before)
  })

  it("a Service's ports merge by port; a Deployment's template containers by name", () => {
    const svc = { kind: 'Service', spec: { ports: [{ port: 80, targetPort: 8080 }] } }
    expect(strategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } }, 'Service')).toEqual({
      kind: 'Service',
      spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] },
    })
    const d = { kind: 'Deployment', spec: { template: { spec: { containers: [nginx, sidecar] } } } }
    expect(
      strategicMergePatch(d, { spec: { template: { spec: { containers: [{ name: 'log', image: 'busybox:1.37' }] } } } }, 'Deployment'),
    ).toEqual({
      kind: 'Deployment',
      spec: { template: { spec: { containers: [nginx, { ...sidecar, image: 'busybox:1.37' }] } } },
    })
  })

  it('an item without its merge key is refused, as the API server refuses it', () => {
    expect(() => strategicMergePatch(pod([nginx]), { spec: { containers: [{ image: 'x' }] } }, 'Pod')).toThrow(
      new StrategicMergeError('map: {"image":"x"} does not contain declared merge key: name'),
    )
  })
})
