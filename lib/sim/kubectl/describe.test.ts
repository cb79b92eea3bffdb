/**
 * kubectl describe through one tabwriter, and golden outputs for each kind (testdata/describe; UPDATE_GOLDEN=1
 * regenerates them — review the diff against real kubectl 1.32 before committing).
 *
 * Upstream: kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe.go (tabbedString:
 * `out.Init(buf, 0, 8, 2, ' ', 0)`, PrefixWriter LEVEL_0…LEVEL_4, DescribeEvents, printLabelsMultiline,
 * describeContainers, describeEndpoints) and Go's text/tabwriter (column blocks, padding, the last cell unpadded).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { PrefixWriter, tabwrite } from './tabwriter.ts'

const GOLDEN = new URL('./testdata/describe/', import.meta.url)
const UPDATE = process.env.UPDATE_GOLDEN === '1'

describe('tabwrite (Go text/tabwriter with minwidth 0, padding 2, padchar space)', () => {
  it('pads each column to its widest cell plus two and leaves the last cell alone', () => {
    expect(tabwrite('a\tb\tc\naaa\tbbbbb\tc\n')).toBe('a    b      c\naaa  bbbbb  c\n')
  })

  it('a line without a tab ends the block: the lines on each side are aligned separately', () => {
    expect(tabwrite('Name:\tweb\nService Account:\tdefault\nContainers:\nIP:\t1\n')).toBe(
      'Name:             web\nService Account:  default\nContainers:\nIP:  1\n',
    )
  })

  it('a deeper column only spans the lines that have it (describe service: Port has three cells, TargetPort two)', () => {
    expect(tabwrite('Port:\t<unset>\t80/TCP\nTargetPort:\t80/TCP\n')).toBe('Port:        <unset>  80/TCP\nTargetPort:  80/TCP\n')
  })

  it('an empty first cell aligns a continuation line; an empty last cell still gets its column padding', () => {
    expect(tabwrite('Labels:\ta=1\n\tb=2\nIP:\t\n')).toBe('Labels:  a=1\n         b=2\nIP:      \n')
  })

  it('counts runes, not UTF-16 units or bytes, and honours minwidth', () => {
    expect(tabwrite('é\tx\nab\ty\n')).toBe('é   x\nab  y\n')
    expect(tabwrite('a\tb\n', { minwidth: 6 })).toBe('a     b\n')
  })
})

describe('PrefixWriter (describe.go)', () => {
  it('indents two spaces per level once per write (an indent is part of the cell), and flush() ends every block', () => {
    const w = new PrefixWriter()
    w.write(0, 'Events:\t<none>\n')
    w.write(2, 'Image:\tnginx\n')
    w.flush()
    w.write(1, 'Type\tReason\n')
    w.writeLine('x', 'y')
    expect(w.toString()).toBe('Events:     <none>\n    Image:  nginx\n  Type  Reason\nx y\n')
  })
})

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, tier: front}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
        env: [{name: MODE, value: blue}, {name: LOG_LEVEL, value: info}]
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
        readinessProbe: {httpGet: {path: /, port: 80}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`

function cluster(): Cluster {
  const c = createCluster({ seed: 11 })
  c.apply(APP)
  c.advance(30)
  return c
}

function golden(name: string, actual: string): void {
  const file = new URL(`${name}.txt`, GOLDEN)
  if (UPDATE) writeFileSync(file, actual)
  if (!existsSync(file))
    throw new Error(`${file.pathname} is missing: run UPDATE_GOLDEN=1 npx vitest run lib/sim/kubectl/describe.test.ts and review it`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('kubectl describe goldens (the shapes of kubectl 1.32: field order, indentation, alignment, <none>, Events)', () => {
  const c = cluster()
  const pod = c
    .snapshot()
    .pods.map((p) => p.name)
    .sort()[0]!
  const rs = /NewReplicaSet:\s+(\S+)/.exec(c.run('kubectl describe deployment web').output)![1]!
  const cases: [string, string][] = [
    ['pod', `kubectl describe pod ${pod}`],
    ['deployment', 'kubectl describe deployment web'],
    ['replicaset', `kubectl describe rs ${rs}`],
    ['service', 'kubectl describe svc web'],
    ['endpoints', 'kubectl describe endpoints web'],
    ['node', 'kubectl describe node node-1'],
  ]
  for (const [name, command] of cases) {
    it(name, () => {
      const r = c.run(command)
      expect(r.ok).toBe(true)
      golden(name, r.output)
    })
  }

  it('every line of a block starts its values in the same column (no hand-tuned widths)', () => {
    const out = c.run('kubectl describe deployment web').output
    const header = out.split('\nPod Template:')[0]!.split('\n')
    const starts = new Set(header.filter((l) => /^\S[^:]*:\s/.test(l)).map((l) => /^[^:]+:\s+/.exec(l)![0].length))
    expect([...starts]).toEqual(['RollingUpdateStrategy:  '.length])
  })

  it('describe endpoints of a Service without Endpoints says it is not found', () => {
    const r = c.run('kubectl describe endpoints nothing')
    expect(r.ok).toBe(false)
    expect(r.output).toBe('Error from server (NotFound): endpoints "nothing" not found\n')
  })
})
