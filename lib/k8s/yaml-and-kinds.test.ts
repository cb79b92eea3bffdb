/** Decoding before any rule: YAML syntax (with lines), go-yaml scalar semantics, documents, kinds. */
import { describe, expect, it } from 'vitest'
import { validateManifests } from './index.ts'
import { errorsOf } from '../testing/validation.ts'

const pod = (extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${extra}\nspec:\n  containers: [{name: c, image: nginx}]\n`

describe('YAML syntax', () => {
  it.each([
    ['a tab used for indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n', 4, 'TAB_AS_INDENT', /tab/i],
    ['a missing closing quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "p\n', 4, null, /quote/i],
    ['a key twice', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n', 5, 'DUPLICATE_KEY', /same key/],
    ['a nested map on one line', 'apiVersion: v1\nkind: Pod\nmetadata: name: p\n', 3, null, /colon|indentation/],
    ['an unclosed flow sequence', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: c\n', 4, null, /closing|bracket|indentation/],
  ])('%s is a YAMLSyntax error on its line', (_title, text, line, _code, hint) => {
    const r = validateManifests(text)
    expect(r.valid).toBe(false)
    expect(r.errors[0]).toMatchObject({
      type: 'YAMLSyntax',
      field: '',
      line,
      kind: null,
      message: expect.stringMatching(/^yaml: line \d+: /),
    })
    expect(r.errors[0].hint.en).toMatch(hint)
    expect(r.errors[0].hint.ko.length).toBeGreaterThan(10)
  })

  it('reports the duplicate key in go-yaml words', () => {
    expect(errorsOf('apiVersion: v1\nkind: Pod\nkind: Service\n')).toEqual([
      { field: '', type: 'YAMLSyntax', line: 3, message: 'yaml: line 3: key "kind" already set in map' },
    ])
  })

  describe('two objects without `---` between them', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n'
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n'
    const secondObjectHint = {
      en: '`apiVersion` appears twice: did you forget `---` between two objects?',
      ko: '`apiVersion`이 두 번 나옵니다. 두 오브젝트 사이에 `---`를 빠뜨리지 않았습니까?',
    }

    it('says so in both languages, on the line of the second apiVersion', () => {
      const r = validateManifests(deployment + service)
      expect(r.errors).toEqual([
        {
          document: 0,
          kind: null,
          name: null,
          field: '',
          type: 'YAMLSyntax',
          line: 7,
          column: 1,
          message: 'yaml: line 7: key "apiVersion" already set in map',
          hint: secondObjectHint,
        },
      ])
    })

    it('points at the second apiVersion even when the second object starts with kind', () => {
      const r = validateManifests(deployment + service.replace('apiVersion: v1\nkind: Service\n', 'kind: Service\napiVersion: v1\n'))
      expect(r.errors.map(({ line, message, hint }) => ({ line, message, hint }))).toEqual([
        { line: 8, message: 'yaml: line 8: key "apiVersion" already set in map', hint: secondObjectHint },
      ])
    })

    it('names kind when only kind repeats', () => {
      const r = validateManifests('apiVersion: v1\nkind: Pod\nkind: Service\n')
      expect(r.errors.map(({ line, hint }) => ({ line, hint }))).toEqual([
        {
          line: 3,
          hint: {
            en: '`kind` appears twice: did you forget `---` between two objects?',
            ko: '`kind`가 두 번 나옵니다. 두 오브젝트 사이에 `---`를 빠뜨리지 않았습니까?',
          },
        },
      ])
    })

    it('keeps the ordinary duplicate-key hint below the top level, and accepts the two objects once separated', () => {
      expect(validateManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  apiVersion: a\n  apiVersion: b\n').errors[0].hint.en).toMatch(
        /same key/,
      )
      expect(validateManifests(`${deployment}---\n${service}`).errors.filter((e) => e.type === 'YAMLSyntax')).toEqual([])
    })
  })

  it('keeps validating the other documents of a stream', () => {
    const r = validateManifests(`${pod()}---\na: b: c\n---\n${pod().replace('name: p', 'name: q')}`)
    expect(r.errors.map((e) => [e.document, e.type, e.line])).toEqual([[1, 'YAMLSyntax', 8]])
    expect(r.objects.map((o) => [o.document, o.name])).toEqual([
      [0, 'p'],
      [2, 'q'],
    ])
  })
})

describe('scalars as kubectl decodes them (go-yaml v2)', () => {
  it.each([
    ['yes', 'bool'],
    ['on', 'bool'],
    ['y', 'bool'],
    ['1.10', 'number'],
    ['0777', 'number'],
  ])('an unquoted label value %s is not a string', (value, got) => {
    const r = validateManifests(pod(`\n  labels: {v: ${value}}`))
    expect(r.errors).toEqual([
      expect.objectContaining({
        field: 'metadata.labels[v]',
        type: 'FieldValueTypeInvalid',
        line: 5,
        message: `json: cannot unmarshal ${got} into Go struct field ObjectMeta.metadata.labels of type string`,
      }),
    ])
    expect(r.errors[0].hint.en).toContain('quotes')
  })

  it.each([
    ['0777', 511],
    ['0x1F', 31],
    ['1_000', 1000],
    ['0b101', 5],
    ['+12', 12],
  ])('replicas: %s decodes as %i', (text, n) => {
    const r = validateManifests(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  replicas: ${text}\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: x}]}\n`,
    )
    expect(r.errors).toEqual([])
    expect((r.objects[0].object as { spec: { replicas: number } }).spec.replicas).toBe(n)
  })

  it('keeps timestamps and quoted values as text', () => {
    const r = validateManifests(pod('\n  annotations: {date: 2024-01-01, quoted: "yes", empty: ""}'))
    expect(r.errors).toEqual([])
    expect(r.objects[0].object.metadata?.annotations).toEqual({ date: '2024-01-01', quoted: 'yes', empty: '' })
  })

  it('follows anchors, aliases and merge keys', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: w
  labels: &labels {app: web}
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels:
        <<: *labels
        tier: fe
    spec:
      containers: [{name: c, image: x}]
`
    const r = validateManifests(text)
    expect(r.errors).toEqual([])
    expect(r.objects[0].object.kind === 'Deployment' && r.objects[0].object.spec?.template.metadata?.labels).toEqual({
      app: 'web',
      tier: 'fe',
    })
  })

  it('refuses .inf and .nan, which JSON cannot carry', () => {
    expect(errorsOf(pod('\n  annotations: {x: .inf}'))).toEqual([
      { field: '', type: 'YAMLSyntax', line: 5, message: 'yaml: line 5: json: unsupported value: +Inf' },
    ])
  })
})

describe('documents and kinds', () => {
  it('skips empty and null documents', () => {
    expect(validateManifests('---\n# nothing\n---\n~\n---\n').objects).toEqual([])
    expect(validateManifests('').valid).toBe(true)
  })

  it.each([
    ['apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n', 'no matches for kind "Deployment" in version "v1"', /apps\/v1/],
    [
      'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: x}\n',
      'no matches for kind "Deployment" in version "extensions/v1beta1"',
      /apps\/v1/,
    ],
    [
      'apiVersion: apps/v1\nkind: deployment\nmetadata: {name: x}\n',
      'no matches for kind "deployment" in version "apps/v1"',
      /case-sensitive.*Deployment/,
    ],
    [
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n',
      'no matches for kind "Ingress" in version "networking.k8s.io/v1"',
      /Available kinds/,
    ],
  ])('%s', (text, message, hint) => {
    const r = validateManifests(text)
    expect(r.errors).toEqual([expect.objectContaining({ type: 'NoKindMatch', field: 'kind', line: 2, message })])
    expect(r.errors[0].hint.en).toMatch(hint)
  })

  it('names a missing apiVersion and kind', () => {
    expect(errorsOf('metadata: {name: x}\n')).toEqual([
      { field: 'apiVersion', type: 'FieldValueRequired', line: 1, message: 'Required value: apiVersion not set' },
      { field: 'kind', type: 'FieldValueRequired', line: 1, message: 'Required value: kind not set' },
    ])
  })

  it('refuses a document that is a list or a plain value', () => {
    expect(errorsOf('- a\n- b\n')).toEqual([
      {
        field: '',
        type: 'FieldValueTypeInvalid',
        line: 1,
        message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
      },
    ])
    expect(errorsOf('hello\n')[0].message).toBe('json: cannot unmarshal string into Go value of type map[string]interface {}')
  })

  it('puts objects in the default namespace unless they name one; Namespaces have none', () => {
    const r = validateManifests(`${pod()}---\n${pod('\n  namespace: shop')}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n`)
    expect(r.objects.map((o) => [o.kind, o.namespace, o.object.metadata?.namespace])).toEqual([
      ['Pod', 'default', 'default'],
      ['Pod', 'shop', 'shop'],
      ['Namespace', '', undefined],
    ])
  })
})
