/** The generated schema (lib/k8s/schema) and strict decoding against it: unknown fields, JSON types, enums. */
import { describe, expect, it } from 'vitest'
import { kubernetesSchema, validateManifests } from './index.ts'
import { deploymentWith, errorsOf, podWith } from '../testing/validation.ts'

const defs = kubernetesSchema.definitions

describe('the generated schema', () => {
  it('covers the six simulated kinds, with apiVersion/kind constants and an if/then per kind for the editor', () => {
    expect(kubernetesSchema['x-kubelab-kinds']).toEqual({
      Pod: { apiVersion: 'v1', definition: 'Pod' },
      Deployment: { apiVersion: 'apps/v1', definition: 'Deployment' },
      ReplicaSet: { apiVersion: 'apps/v1', definition: 'ReplicaSet' },
      Service: { apiVersion: 'v1', definition: 'Service' },
      Namespace: { apiVersion: 'v1', definition: 'Namespace' },
      ConfigMap: { apiVersion: 'v1', definition: 'ConfigMap' },
    })
    expect(defs.Deployment.properties?.kind).toMatchObject({ const: 'Deployment' })
    expect((kubernetesSchema as unknown as { allOf: unknown[] }).allOf).toHaveLength(6)
  })

  it('is strict, keeps the API field docs and has integer types restored', () => {
    expect(defs.Container.additionalProperties).toBe(false)
    expect(defs.Container.properties?.image.description).toMatch(/Container image name/)
    expect(defs.ContainerPort.properties?.containerPort).toMatchObject({ type: 'integer', format: 'int32' })
    expect(defs.PodSpec.properties?.activeDeadlineSeconds).toMatchObject({ type: 'integer', format: 'int64' })
    expect(defs.IntOrString.type).toEqual(['string', 'integer'])
    expect(defs.ObjectMeta.properties?.labels.additionalProperties).toEqual({ type: 'string' })
    expect(JSON.stringify(kubernetesSchema)).not.toContain('"type":"number"')
  })
})

describe('strict decoding', () => {
  it('reports an unknown field with its path and suggests the near miss; the field it stands for is not also "required"', () => {
    const r = validateManifests(podWith('containers:\n- name: c\n  imagee: nginx'))
    expect(r.errors.map(({ field, type, line, message }) => ({ field, type, line, message }))).toEqual([
      {
        field: 'spec.containers[0].imagee',
        type: 'FieldValueNotSupported',
        line: 8,
        message: 'strict decoding error: unknown field "spec.containers[0].imagee"',
      },
    ])
    expect(r.errors[0].hint.en).toContain('Did you mean "image"?')
    expect(r.errors[0].hint.ko).toContain('"image"의 오타입니까?')
    // a misspelling next to the real field is two problems
    expect(errorsOf(podWith('containers:\n- name: c\n  image: nginx\n  imagee: nginx')).map((e) => e.field)).toEqual([
      'spec.containers[0].imagee',
    ])
  })

  it('says where a misplaced field belongs, nearest block first', () => {
    const r = validateManifests(deploymentWith('containers: [{name: c, image: nginx}]', 'containers: []'))
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ field: 'spec.containers', line: 13 })
    expect(r.errors[0].hint.en).toContain('Did you mean to indent this under `spec.template.spec`?')
    expect(r.errors[0].hint.ko).toContain('`spec.template.spec` 아래에 들여 쓰려던 것입니까?')
    const pod = validateManifests(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ports: [{containerPort: 80}]\nspec:\n  containers: [{name: c, image: nginx}]\n',
    )
    expect(pod.errors).toMatchObject([{ field: 'metadata.ports', line: 5 }])
    expect(pod.errors[0].hint.en).toContain('It belongs under `spec.containers[0]`')
  })

  it.each([
    ['replicas: "3"', 'spec.replicas', 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['replicas: 1.5', 'spec.replicas', 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [
      'replicas: 3000000000',
      'spec.replicas',
      'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
    ['paused: "true"', 'spec.paused', 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool'],
    [
      'strategy: RollingUpdate',
      'spec.strategy',
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.strategy of type v1.DeploymentStrategy',
    ],
  ])('%s is a type error', (setting, field, message) => {
    const errors = errorsOf(deploymentWith('containers: [{name: c, image: nginx}]', setting))
    expect(errors[0]).toEqual({ field, type: 'FieldValueTypeInvalid', line: 13, message })
  })

  it('a list where a list is due, else a type error with a "- " hint', () => {
    const r = validateManifests(podWith('containers:\n  name: c\n  image: nginx'))
    expect(r.errors[0]).toMatchObject({
      field: 'spec.containers',
      type: 'FieldValueTypeInvalid',
      message: expect.stringContaining('of type []v1.Container'),
    })
    expect(r.errors[0].hint.en).toContain('Start each item with "- "')
  })

  it('checks enums the rules do not own, in schema order', () => {
    expect(errorsOf(podWith('containers:\n- {name: c, image: nginx, terminationMessagePolicy: file}'))).toEqual([
      {
        field: 'spec.containers[0].terminationMessagePolicy',
        type: 'FieldValueNotSupported',
        line: 7,
        message: 'Unsupported value: "file": supported values: "FallbackToLogsOnError", "File"',
      },
    ])
  })

  it('treats null as unset, like the Go decoder', () => {
    const r = validateManifests(podWith('nodeName: null\ncontainers:\n- {name: c, image: nginx, ports: null}'))
    expect(r.errors).toEqual([])
    expect(r.objects[0].object.kind === 'Pod' && r.objects[0].object.spec).not.toHaveProperty('nodeName')
  })

  it('accepts what the server itself writes (uid, resourceVersion, managedFields, ownerReferences)', () => {
    const text = podWith('containers: [{name: c, image: nginx}]').replace(
      'name: p\n',
      'name: p\n  uid: 6d3b7c1e-1\n  resourceVersion: "12"\n  generation: 1\n  creationTimestamp: "2024-01-01T00:00:00Z"\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: x, controller: true}]\n  managedFields: [{manager: kubectl, operation: Apply, fieldsV1: {"f:metadata": {}}}]\n',
    )
    expect(errorsOf(text)).toEqual([])
  })
})
