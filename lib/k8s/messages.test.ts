/**
 * No message or hint, in either language, shows JavaScript's `undefined`, `null`, `NaN` or `[object Object]`, or a
 * particle placeholder (both forms of a particle written together with parentheses, the one to use left to the
 * reader: lib/text/korean-particles.ts chooses it from the word before). Checked over:
 * - every input the other lib/k8s tests validate: their files are imported below, so their own tests run here too
 *   while every diagnostic they produce is recorded (conformance cases, rule tables, hostile input, schema, YAML…);
 * - the fuzz corpus of yaml-fast-path.test.ts (3,000 seeded mutations of real manifests);
 * - (course-edits.test.ts) single-line edits of every course exercise's manifests.
 * And the Korean of lib/k8s follows docs/korean-style.md: Kubernetes kinds in English, 합쇼체, particles chosen.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from './types.ts'
import { fixtures, handWritten, mutations } from '../testing/corpus.ts'
import { deploymentWith, podWith, serviceWith } from '../testing/validation.ts'
import { PLACEHOLDER_PARTICLE, offenders, type Seen } from '../testing/readable.ts'

const recorded = vi.hoisted(() => ({ diagnostics: [] as Diagnostic[] }))

vi.mock('./validate.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./validate.ts')>()
  return {
    ...real,
    validateManifests: (...args: Parameters<typeof real.validateManifests>) => {
      const result = real.validateManifests(...args)
      recorded.diagnostics.push(...result.errors, ...(result.warnings ?? []))
      return result
    },
    validateObject: (object: unknown) => {
      const result = real.validateObject(object)
      recorded.diagnostics.push(...result.errors)
      return result
    },
  }
})
vi.mock('./update.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./update.ts')>()
  return {
    ...real,
    validateUpdate: (...args: Parameters<typeof real.validateUpdate>) => {
      const errors = real.validateUpdate(...args)
      recorded.diagnostics.push(...errors)
      return errors
    },
  }
})
vi.mock('./allocation.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./allocation.ts')>()
  return {
    ...real,
    validateServiceAllocation: (...args: Parameters<typeof real.validateServiceAllocation>) => {
      const errors = real.validateServiceAllocation(...args)
      recorded.diagnostics.push(...errors)
      return errors
    },
  }
})

const { validateManifests } = await import('./index.ts')

// The other tests' inputs: their tests are collected into this file and run first.
await import('./conformance.test.ts')
await import('./rules.test.ts')
await import('./schema.test.ts')
await import('./hostile-input.test.ts')
await import('./yaml-and-kinds.test.ts')
await import('./defaults-and-updates.test.ts')
await import('./kubectl-fixtures.test.ts')
await import('./validate.test.ts')
await import('./indentation.test.ts')
await import('./unsimulated-kinds.test.ts')
await import('./unsimulated-fields.test.ts')

describe('readable messages', () => {
  it('over every input the other lib/k8s tests validate', () => {
    expect(recorded.diagnostics.length).toBeGreaterThan(300)
    expect(offenders(recorded.diagnostics.map((d) => ({ d, from: 'lib/k8s tests' })))).toEqual([])
  })

  it('over the 3,000-mutation fuzz corpus', () => {
    const seen: Seen[] = []
    let i = 0
    for (const text of mutations(42, [...fixtures, ...handWritten], 3000)) {
      const from = `fuzz #${i++}`
      for (const d of validateManifests(text).errors) seen.push({ d, from, input: text })
    }
    expect(seen.length).toBeGreaterThan(3000)
    expect(offenders(seen)).toEqual([])
  })
})

describe('the Korean of lib/k8s (docs/korean-style.md)', () => {
  const dir = new URL('./', import.meta.url)
  const sources = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-support'))
    .map((f) => ({ file: f, text: readFileSync(new URL(f, dir), 'utf8') }))

  it('names Kubernetes kinds in English, never 파드/디플로이먼트/레플리카셋/네임스페이스', () => {
    const found = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/파드|디플로이먼트|레플리카셋|네임스페이스/g)].map((m) => `${file}: ${m[0]}`),
    )
    expect(found).toEqual([])
  })

  it('writes no particle placeholder and no particle glued to a placeholder, in any source', () => {
    const placeholders = sources.flatMap(({ file, text }) =>
      [...text.matchAll(new RegExp(PLACEHOLDER_PARTICLE, 'g'))].map((m) => `${file}: ${m[0]}`),
    )
    expect(placeholders).toEqual([])
    // `${name}는`, `"${value}"를`: the particle must be chosen for the value (withParticle)
    const glued = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\}["'`]?(?:이|가|은|는|을|를|과|와|으로|로)(?=[\s.,])/g)].map(
        (m) => `${file}: …${text.slice(Math.max(0, m.index! - 30), m.index! + 4)}`,
      ),
    )
    expect(glued).toEqual([])
  })

  it.each([
    [podWith('containers:\n- name: c\n  image: nginx\n  ports: [{containerPort: 70000}]'), 'containerPort 70000은 포트 번호 범위'],
    [podWith('restartPolicy: Sometimes\ncontainers:\n- name: c\n  image: nginx'), 'restartPolicy "Sometimes"는 쓸 수 없습니다.'],
    [serviceWith('type: NodePort\nports: [{port: 80, nodePort: 80}]'), 'nodePort 80은 허용 범위'],
    [
      deploymentWith('containers: [{name: c, image: nginx}]').replace('labels: {app: web}', 'labels: {app: api}'),
      '의 app=web이 spec.template.metadata.labels (10번째 줄)의 app=api와 맞지 않습니다.',
    ],
    [
      podWith('containers:\n- name: web\n  image: nginx\n- name: web\n  image: nginx'),
      '컨테이너 이름 "web"이 이 Pod 안에서 두 번 쓰였습니다.',
    ],
    [
      'apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n',
      'Deployment는 `apiVersion: v1`에 없습니다. `apiVersion: apps/v1`로 바꾸세요.',
    ],
    ['apiVersion: apps/v1\nkind: deployment\nmetadata: {name: x}\n', '`kind: Deployment`와 `apiVersion: apps/v1`을 쓰려던 것입니까?'],
  ])('chooses each particle by how the value before it is read (%#)', (text, expected) => {
    expect(
      validateManifests(text)
        .errors.map((e) => e.hint.ko)
        .join('\n'),
    ).toContain(expected)
  })

  it('speaks 합쇼체, not 해요체', () => {
    const found = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/[가-힣]*(?:가요|나요|어요|아요|에요|해요|예요|죠)[.?!]/g)].map((m) => `${file}: ${m[0]}`),
    )
    expect(found).toEqual([])
  })
})
