/**
 * ConfigMaps in the kubelet, as kubernetes/kubernetes pkg/kubelet/kubelet_pods.go makeEnvironmentVariables
 * resolves them (envFrom first, then env; a missing ConfigMap is the API's `configmap "x" not found`, a missing
 * key `couldn't find key K in ConfigMap NS/NAME`; `optional: true` skips either) and pkg/volume/configmap.
 */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: debug
  GREETING: hello
  app.properties: |
    color=blue
`

function podWith(container: string, volumes = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:${volumes}
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
${container}`
}

function started(manifests: string[]) {
  const cluster = createCluster({ seed: 3, nodes: 1 })
  for (const m of manifests) expect(cluster.apply(m).ok).toBe(true)
  cluster.advance(30)
  return cluster
}

describe('ConfigMap objects through kubectl', () => {
  it('are applied, listed (configmaps, cm), described and deleted', () => {
    const cluster = createCluster({ seed: 1, nodes: 1 })
    expect(cluster.apply(configMap).output).toBe('configmap/app-config created\n')
    expect(cluster.apply(configMap).output).toBe('configmap/app-config unchanged\n')
    cluster.advance(5)
    expect(cluster.run('kubectl get configmaps').output).toBe('NAME         DATA   AGE\napp-config   3      5s\n')
    expect(cluster.run('kubectl get cm app-config -o name').output).toBe('configmap/app-config\n')
    expect(cluster.run('kubectl describe configmap app-config').output).toBe(
      'Name:         app-config\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nGREETING:\n----\nhello\n\nLOG_LEVEL:\n----\ndebug\n\napp.properties:\n----\ncolor=blue\n\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    )
    expect(cluster.run('kubectl delete cm app-config').output).toBe('configmap "app-config" deleted\n')
    expect(cluster.run('kubectl get configmap app-config').output).toBe('Error from server (NotFound): configmaps "app-config" not found\n')
  })

  it('are validated before they are stored: keys, binaryData, immutable', () => {
    const cluster = createCluster({ seed: 1, nodes: 1 })
    const bad = cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad}\ndata: {"a b": x}\n')
    expect(bad.ok).toBe(false)
    expect(bad.output).toContain('The ConfigMap "bad" is invalid: ')
    expect(bad.output).toContain('Invalid value: "a b": a valid config key must consist of alphanumeric characters')
    expect(cluster.run('kubectl get cm').output).toBe('No resources found in default namespace.\n')
    expect(
      cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\nimmutable: true\ndata: {a: x}\nbinaryData: {b: eA==}\n').output,
    ).toBe('configmap/ok created\n')
    expect(cluster.run('kubectl get cm ok').output).toContain('ok     2      ')
    // core/validation ValidateConfigMapUpdate
    const changed = cluster.apply(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\nimmutable: true\ndata: {a: changed}\nbinaryData: {b: eA==}\n',
    )
    expect(changed.ok).toBe(false)
    expect(changed.output).toContain('data: Forbidden: field is immutable when `immutable` is set')
  })
})

describe('a container takes its environment from ConfigMaps when it is created', () => {
  it('envFrom (with a prefix) first, then env: configMapKeyRef and literal values override it', () => {
    const cluster = started([
      configMap,
      podWith(`      envFrom:
        - configMapRef: {name: app-config}
          prefix: CFG_
      env:
        - name: CFG_GREETING
          value: overridden
        - name: LEVEL
          valueFrom:
            configMapKeyRef: {name: app-config, key: LOG_LEVEL}
`),
    ])
    const env = cluster.run('kubectl exec app -- env').output
    expect(env).toContain('CFG_LOG_LEVEL=debug\n')
    expect(env).toContain('CFG_GREETING=overridden\n')
    expect(env).toContain('LEVEL=debug\n')
  })

  it('a missing ConfigMap: CreateContainerConfigError until it exists, then the container starts', () => {
    const cluster = started([podWith('      envFrom:\n        - configMapRef: {name: app-config}\n')])
    expect(cluster.run('kubectl get pods').output).toBe(
      'NAME   READY   STATUS                       RESTARTS   AGE\napp    0/1     CreateContainerConfigError   0          30s\n',
    )
    expect(cluster.run('kubectl describe pod app').output).toContain('Error: configmap "app-config" not found')
    cluster.apply(configMap)
    cluster.advance(15)
    expect(cluster.run('kubectl get pods').output).toContain('Running')
    expect(cluster.run('kubectl exec app -- env').output).toContain('GREETING=hello\n')
  })

  it('a missing key names the key and the ConfigMap; optional references are skipped', () => {
    const missingKey = started([
      configMap,
      podWith('      env:\n        - name: X\n          valueFrom:\n            configMapKeyRef: {name: app-config, key: PORT}\n'),
    ])
    expect(missingKey.run('kubectl describe pod app').output).toContain("Error: couldn't find key PORT in ConfigMap default/app-config")
    const optional = started([
      podWith(`      envFrom:
        - configMapRef: {name: nowhere, optional: true}
      env:
        - name: X
          valueFrom:
            configMapKeyRef: {name: nowhere, key: PORT, optional: true}
`),
    ])
    expect(optional.run('kubectl get pods').output).toContain('Running')
    expect(optional.run('kubectl exec app -- env').output).not.toContain('X=')
  })
})

describe('a configMap volume', () => {
  const volume = '\n  volumes:\n    - name: config\n      configMap: {name: app-config}'
  const mount = '      volumeMounts:\n        - name: config\n          mountPath: /etc/config\n'

  it('shows each key as a file under the mount path', () => {
    const cluster = started([configMap, podWith(mount, volume)])
    expect(cluster.run('kubectl exec app -- cat /etc/config/app.properties').output).toBe('color=blue\n')
    expect(cluster.run('kubectl exec app -- cat /etc/config/LOG_LEVEL').output).toBe('debug\n')
  })

  it('keeps the container from being created while its ConfigMap is missing', () => {
    const cluster = started([podWith(mount, volume)])
    expect(cluster.run('kubectl get pods').output).toContain('ContainerCreating')
    expect(cluster.run('kubectl describe pod app').output).toContain(
      'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
    )
  })
})
