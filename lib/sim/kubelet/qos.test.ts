// Follows upstream pkg/apis/core/helper/qos/qos_test.go (TestComputePodQOS) and
// pkg/apis/core/v1/defaults.go SetDefaults_Pod (limits copied to unset requests).
import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../k8s.ts'
import { createCluster } from '../cluster.ts'
import { clusterWith, deploymentYaml } from '../../testing/cluster.ts'
import { podQOSClass, withRequestsFromLimits } from './qos.ts'

type R = Record<string, string>
function ctr(name: string, requests?: R, limits?: R): Container {
  return {
    name,
    image: 'nginx:1.27',
    ...(requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {}),
  } as Container
}
function pod(containers: Container[], initContainers?: Container[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers, ...(initContainers ? { initContainers } : {}) },
  } as Pod
}

describe('podQOSClass (ComputePodQOS)', () => {
  it.each([
    ['no requests or limits', pod([ctr('a'), ctr('b')]), 'BestEffort'],
    ['zero quantities count as unset', pod([ctr('a', { cpu: '0', memory: '0' }, { cpu: '0', memory: '0' })]), 'BestEffort'],
    [
      'a resource that is not cpu or memory does not count',
      pod([ctr('a', { 'ephemeral-storage': '1Gi' }, { 'ephemeral-storage': '1Gi' })]),
      'BestEffort',
    ],
    [
      'requests equal to limits for cpu and memory',
      pod([ctr('a', { cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' })]),
      'Guaranteed',
    ],
    [
      'equal in other spellings (0.1 = 100m, 1Gi = 1024Mi)',
      pod([ctr('a', { cpu: '0.1', memory: '1Gi' }, { cpu: '100m', memory: '1024Mi' })]),
      'Guaranteed',
    ],
    ['limits only: the requests default to them', pod([ctr('a', undefined, { cpu: '500m', memory: '128Mi' })]), 'Guaranteed'],
    [
      'every container Guaranteed',
      pod([ctr('a', undefined, { cpu: '1', memory: '1Gi' }), ctr('b', { cpu: '2', memory: '2Gi' }, { cpu: '2', memory: '2Gi' })]),
      'Guaranteed',
    ],
    ['one container without resources', pod([ctr('a', undefined, { cpu: '1', memory: '1Gi' }), ctr('b')]), 'Burstable'],
    ['memory limit only (no cpu limit)', pod([ctr('a', undefined, { memory: '128Mi' })]), 'Burstable'],
    ['requests only', pod([ctr('a', { cpu: '100m', memory: '64Mi' })]), 'Burstable'],
    ['cpu request below its limit', pod([ctr('a', { cpu: '250m', memory: '128Mi' }, { cpu: '500m', memory: '128Mi' })]), 'Burstable'],
    ['memory request below its limit', pod([ctr('a', { cpu: '500m', memory: '64Mi' }, { cpu: '500m', memory: '128Mi' })]), 'Burstable'],
    ['a cpu request only', pod([ctr('a', { cpu: '100m' })]), 'Burstable'],
    [
      'an init container without limits makes it Burstable',
      pod([ctr('a', undefined, { cpu: '1', memory: '1Gi' })], [ctr('init', { cpu: '100m' })]),
      'Burstable',
    ],
    [
      'an init container with equal limits keeps it Guaranteed',
      pod([ctr('a', undefined, { cpu: '1', memory: '1Gi' })], [ctr('init', undefined, { cpu: '1', memory: '1Gi' })]),
      'Guaranteed',
    ],
  ])('%s → %s', (_name, p, expected) => {
    expect(podQOSClass(p)).toBe(expected)
  })
})

describe('withRequestsFromLimits (SetDefaults_Pod)', () => {
  it('copies a limit to an unset request and leaves a set one alone', () => {
    const [c] = withRequestsFromLimits([ctr('a', { memory: '64Mi' }, { cpu: '500m', memory: '128Mi' })])!
    expect(c!.resources).toEqual({ requests: { memory: '64Mi', cpu: '500m' }, limits: { cpu: '500m', memory: '128Mi' } })
  })
  it('returns the same list when nothing is copied (shared by the pods of a template)', () => {
    const list = [ctr('a', { cpu: '1' }, { cpu: '1' }), ctr('b')]
    expect(withRequestsFromLimits(list)).toBe(list)
  })
})

describe('status.qosClass in the cluster', () => {
  const deployment = (resources: string) => deploymentYaml({ replicas: 1, container: 'nginx', containerFields: `resources: ${resources}` })
  it('is set on a bare Pod and shown by describe and get -o yaml', () => {
    const c = createCluster({ seed: 3 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: g}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    resources: {limits: {cpu: 250m, memory: 64Mi}}
`)
    c.advance(10)
    expect(c.run('kubectl describe pod g').output).toMatch(/^QoS Class: +Guaranteed$/m)
    expect(c.run('kubectl get pod g -o yaml').output).toMatch(/^ {2}qosClass: Guaranteed$/m)
  })

  it('a Deployment whose template has limits only: its pods get the requests and are Guaranteed', () => {
    const c = clusterWith(deployment('{limits: {cpu: 250m, memory: 64Mi}}'), { seed: 3, advance: 10 })
    const yaml = c.run('kubectl get pods -l app=web -o yaml').output
    expect(yaml).toMatch(/qosClass: Guaranteed/)
    expect(yaml).toMatch(/requests:\n\s+cpu: 250m\n\s+memory: 64Mi/)
    // the template itself is not defaulted (a Deployment keeps what was written)
    expect(c.run('kubectl get deployment web -o yaml').output).not.toMatch(/requests:/)
  })

  it('a template with limits only too large for any node stays Pending (its requests are the limits)', () => {
    const c = clusterWith(deployment('{limits: {cpu: "1", memory: 20Gi}}'), { seed: 3, advance: 10 })
    expect(c.run('kubectl get pods').output).toMatch(/0\/1\s+Pending/)
    expect(c.run('kubectl get events').output).toMatch(/0\/3 nodes are available: 3 Insufficient memory\./)
  })
})

describe('kubectl describe pod of a Pod that fits nowhere (describe.go describeContainers)', () => {
  it('shows the Requests, no container ID or state before there is a status, and FailedScheduling', () => {
    const c = createCluster({ seed: 3 })
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources: {requests: {cpu: 500m, memory: 16Gi}}
`)
    c.advance(10)
    const out = c.run('kubectl describe pod big').output
    // `Requests:` has no tab, so it ends the Image/Port/Host Port block: those pad to Host Port (text/tabwriter, as
    // kubectl's describe.go writes them); the quantities share their column with Environment below
    expect(out).toContain(
      '  web:\n    Image:      nginx:1.27\n    Port:       <none>\n    Host Port:  <none>\n    Requests:\n      cpu:        500m\n      memory:     16Gi\n    Environment:  <none>\n',
    )
    expect(out).not.toMatch(/Container ID|Restart Count|State:/)
    expect(out).toMatch(/^QoS Class: +Burstable$/m)
    expect(out).toMatch(/FailedScheduling .*0\/3 nodes are available: 3 Insufficient memory\./)
  })
})
