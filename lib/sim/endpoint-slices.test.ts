import { describe, expect, it } from 'vitest'
import type { Pod, Service } from './k8s.ts'
import { pod, service } from '../testing/cluster.ts'
import { endpointFor, servicePortsFor } from './endpoint-slices.ts'

function withStatus(p: Pod, s: { ip?: string; ready?: boolean; phase?: string }): Pod {
  return {
    ...p,
    spec: { ...p.spec!, nodeName: 'node-1' },
    status: {
      phase: (s.phase ?? 'Running') as 'Running',
      ...(s.ip ? { podIP: s.ip } : {}),
      conditions: [{ type: 'Ready', status: s.ready ? 'True' : 'False' }],
    },
  }
}

describe('endpoint membership (C57)', () => {
  it('ready pods are ready endpoints, running-not-ready ones are listed not ready; no IP, terminal or other labels are absent', () => {
    const svc = service('web', { selector: { app: 'web' } })
    const p1 = withStatus(pod('p1', { labels: { app: 'web' } }), { ip: '10.244.0.2', ready: true })
    const p2 = withStatus(pod('p2', { labels: { app: 'web' } }), { ip: '10.244.0.3', ready: false })
    const p3 = withStatus(pod('p3', { labels: { app: 'web' } }), { phase: 'Pending' })
    const p4 = withStatus(pod('p4', { labels: { app: 'web' } }), { ip: '10.244.0.5', phase: 'Succeeded' })
    const p5 = withStatus(pod('p5', { labels: { app: 'api' } }), { ip: '10.244.0.6', ready: true })
    expect(endpointFor(svc, p1)).toMatchObject({ pod: 'p1', ready: true, serving: true, terminating: false })
    expect(endpointFor(svc, p2)).toMatchObject({ pod: 'p2', ready: false, serving: false })
    expect(endpointFor(svc, p3)).toBeNull()
    expect(endpointFor(svc, p4)).toBeNull()
    expect(endpointFor(svc, p5)).toBeNull()
    const published = service('web', { selector: { app: 'web' }, publishNotReadyAddresses: true })
    expect(endpointFor(published, p2)).toMatchObject({ ready: true })
  })
})

describe('named targetPort (C58)', () => {
  it('resolves per pod by name and protocol; pods without the TCP port named web get no port', () => {
    const svc: Service = { ...service('web', { selector: { app: 'web' }, targetPort: 'web' }) }
    svc.spec!.ports = [{ name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' }]
    const mk = (name: string, ports: { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' }[]): Pod => {
      const p = pod(name, { labels: { app: 'web' } })
      return { ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0]!, ports }] } }
    }
    expect(servicePortsFor(svc, mk('a', [{ name: 'web', containerPort: 8080 }]))).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    expect(servicePortsFor(svc, mk('b', [{ name: 'web', containerPort: 9090 }]))).toEqual([{ name: 'http', port: 9090, protocol: 'TCP' }])
    expect(servicePortsFor(svc, mk('c', [{ name: 'other', containerPort: 8080 }]))).toEqual([])
    expect(servicePortsFor(svc, mk('d', [{ name: 'web', containerPort: 7070, protocol: 'UDP' }]))).toEqual([])
    const numeric: Service = { ...svc, spec: { ...svc.spec!, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } }
    expect(servicePortsFor(numeric, mk('c', []))).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
  })
})
