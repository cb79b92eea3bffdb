/**
 * Hostile input (kubernetes-behaviour.md §1.8 and issue 3): each gets one clear diagnostic instead of a crash,
 * a hang or a huge allocation. Timings are measured in bench/validate.bench.ts, not asserted here.
 */
import { describe, expect, it } from 'vitest'
import { decodeManifestBytes, validateManifests } from './index.ts'
import { deploymentWith } from '../testing/validation.ts'

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n'

describe('hostile input', () => {
  it('an alias bomb ("billion laughs") is refused as excessive aliasing', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const r = validateManifests(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${levels.map((l) => `    ${l}`).join('\n')}\n`,
    )
    expect(r.valid).toBe(false)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ type: 'YAMLSyntax', message: expect.stringContaining('document contains excessive aliasing') })
    expect(r.errors[0].hint.en).toMatch(/aliases/)
  })

  it('a few honest aliases still work', () => {
    const r = validateManifests(
      deploymentWith('containers:\n- name: nginx\n  image: nginx')
        .replace('labels: {app: web}', 'labels: &l {app: web}')
        .replace('matchLabels: {app: web}', 'matchLabels: {app: web}'),
    )
    expect(r.errors).toEqual([])
  })

  it('more than 3 MiB is refused before parsing, as the API server does', () => {
    const r = validateManifests(`${pod}# ${'x'.repeat(3 * 1024 * 1024)}\n`)
    expect(r.errors).toEqual([
      expect.objectContaining({ type: 'FieldValueTooLong', message: 'Request entity too large: limit is 3145728', line: 1 }),
    ])
  })

  it('counts bytes, not characters: 1.1 million Korean characters are over 3 MiB', () => {
    const r = validateManifests(`${pod}# ${'가'.repeat(1_100_000)}\n`)
    expect(r.errors.map((e) => e.type)).toEqual(['FieldValueTooLong'])
  })

  it('10,000 documents are refused as too many', () => {
    const r = validateManifests(`${pod}---\n`.repeat(10_000))
    expect(r.errors).toEqual([
      expect.objectContaining({ type: 'FieldValueTooMany', message: 'Too many: 10001: must have at most 1000 documents' }),
    ])
  })

  it.each([
    ['flow sequences', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['flow maps', `a: ${'{b: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['block sequences on one line', `a:\n${'- '.repeat(10_000)}x\n`],
  ])('nesting 10,000 deep (%s) is refused as too deep', (_kind, text) => {
    const r = validateManifests(`${pod}---\n${text}`)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({
      type: 'YAMLSyntax',
      document: 1,
      line: text.startsWith('a:\n') ? 7 : 6,
      message: expect.stringContaining('exceeded max depth of 100'),
    })
  })

  it('deep block indentation is refused too', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')
    const r = validateManifests(`${text} x\n`)
    expect(r.errors).toEqual([expect.objectContaining({ type: 'YAMLSyntax', message: expect.stringContaining('exceeded max depth') })])
  })

  it('binary garbage is reported as non-text with its position', () => {
    let seed = 7
    const bytes = Array.from({ length: 200_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)
    const text = String.fromCharCode(...bytes.slice(0, 100_000)) + String.fromCharCode(...bytes.slice(100_000))
    const r = validateManifests(text)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ type: 'YAMLSyntax', message: 'yaml: control characters are not allowed' })
    expect(r.errors[0].line).toBeGreaterThanOrEqual(1)
  })

  it('a NUL byte in an otherwise fine manifest points at its line and column', () => {
    const r = validateManifests(pod.replace('image: nginx', 'image: ng\u0000inx'))
    expect(r.errors).toEqual([expect.objectContaining({ type: 'YAMLSyntax', line: 4, column: 40 })])
    expect(r.errors[0].hint.en).toContain('U+0000')
  })

  it('invalid UTF-8 bytes are located when decoding a file', () => {
    const good = new TextEncoder().encode('apiVersion: v1\nkind: Pod\n')
    const bytes = new Uint8Array([...good, 0x6d, 0x65, 0x74, 0xc3, 0x28, 0x0a])
    const decoded = decodeManifestBytes(bytes, { file: 'bad.yaml' })
    expect(decoded).toEqual({ ok: false, error: expect.objectContaining({ file: 'bad.yaml', type: 'YAMLSyntax', line: 3, column: 4 }) })
    expect(decodeManifestBytes(new TextEncoder().encode('\uFEFFapiVersion: v1 # 한글\n'))).toEqual({
      ok: true,
      text: 'apiVersion: v1 # 한글\n',
    })
  })

  it.each([
    ['overlong encoding', [0xc0, 0xaf]],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['truncated sequence', [0xe2, 0x82]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('rejects %s', (_name, seq) => {
    expect(decodeManifestBytes(new Uint8Array([0x61, ...seq])).ok).toBe(false)
  })

  it('lone surrogates in a JS string are refused like control characters', () => {
    expect(validateManifests(pod.replace('nginx', 'ng\uD800inx')).errors.map((e) => e.type)).toEqual(['YAMLSyntax'])
  })

  it('__proto__ keys are data, not prototype changes', () => {
    const r = validateManifests(pod.replace('metadata: {name: p}', 'metadata: {name: p, __proto__: {polluted: true}}'))
    expect(r.errors).toEqual([
      expect.objectContaining({ field: 'metadata.__proto__', message: 'strict decoding error: unknown field "metadata.__proto__"' }),
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('lists the first 100 errors of a document and counts the rest', () => {
    const containers = Array.from({ length: 3000 }, (_, i) => `  - {name: C_${i}, image: ""}`).join('\n')
    const r = validateManifests(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}\n`)
    expect(r.errors).toHaveLength(101)
    expect(r.errors[0]).toMatchObject({ field: 'spec.containers[0].name', line: 6 })
    // 6,000 problems: 1,000 kept by the rule phase, 100 shown, 5,900 counted
    expect(r.errors[100]).toMatchObject({ type: 'FieldValueTooMany', field: '', message: 'Too many errors: 5900 more not shown' })
  })

  it('keeps a long list of wrongly typed values bounded too', () => {
    const args = Array.from({ length: 50_000 }, (_, i) => i).join(', ')
    const r = validateManifests(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x, args: [${args}]}]\n`,
    )
    expect(r.errors).toHaveLength(101)
    expect(r.errors[100].message).toBe('Too many errors: 49900 more not shown')
  })

  it('never throws on odd values passed as text', () => {
    for (const input of [
      '',
      '---',
      '~',
      '- a\n- b',
      '"just a string"',
      '{',
      ': :',
      '!!binary aGVsbG8=',
      '? [a]\n: b',
      '*nope',
      '&a a: *a',
      '%YAML 1.2\n---\na: 1',
    ]) {
      expect(() => validateManifests(input)).not.toThrow()
    }
    expect(() => validateManifests(undefined as unknown as string)).not.toThrow()
  })
})
