/** The small helpers other modules use: quantities, selectors, int-or-percent, image pull policy. */
import { describe, expect, it } from 'vitest'
import {
  deepEqual,
  isEmptyLabelSelector,
  labelSelectorMatches,
  labelSetMatches,
  parseQuantity,
  parseQuantityStrict,
  pullPolicyForImage,
  resolveIntOrPercent,
  resourceAmount,
  serviceSelectorMatches,
} from './index.ts'

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['100m', 0.1],
    ['1', 1],
    [2, 2],
    ['0.5', 0.5],
    ['64Mi', 64 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1k', 1000],
    ['1M', 1e6],
    ['1e3', 1000],
    ['2.5G', 2.5e9],
    ['250u', 0.00025],
    ['-1', -1],
  ])('%s → %d', (q, n) => {
    expect(parseQuantity(q)).toBeCloseTo(n, 12)
  })

  it.each([
    ['1GB', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['500mi', "unable to parse quantity's suffix"],
    ['1K', "unable to parse quantity's suffix"],
    ['', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1.2.3', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ])('%s is refused: %s', (q, error) => {
    expect(parseQuantityStrict(q)).toEqual({ ok: false, error })
    expect(parseQuantity(q)).toBeNaN()
  })
})

describe('labelSelectorMatches', () => {
  const labels = { app: 'web', tier: 'fe' }
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [{}, true],
    [undefined, false],
    [null, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['fe'] }] }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'Exists' }] }, false],
  ])('%j → %s', (selector, expected) => {
    expect(labelSelectorMatches(selector as never, labels)).toBe(expected)
  })

  it('a Service selector is equality only; {} and a missing one select nothing (endpointslice controller skips nil, {} is stored as nil)', () => {
    expect(serviceSelectorMatches({ app: 'web' }, { app: 'web', x: 'y' })).toBe(true)
    expect(serviceSelectorMatches({ app: 'web' }, { app: 'api' })).toBe(false)
    expect(serviceSelectorMatches({ app: 'web' }, undefined)).toBe(false)
    expect(serviceSelectorMatches({}, { app: 'web' })).toBe(false)
    expect(serviceSelectorMatches({}, {})).toBe(false)
    expect(serviceSelectorMatches(undefined, { app: 'web' })).toBe(false)
  })

  it('a label set as a selector (labels.SelectorFromSet, as ReplicaSet status counts fullyLabeledReplicas): an empty or missing set matches all', () => {
    expect(labelSetMatches({ app: 'web' }, { app: 'web', tier: 'fe' })).toBe(true)
    expect(labelSetMatches({ app: 'web', tier: 'be' }, { app: 'web', tier: 'fe' })).toBe(false)
    expect(labelSetMatches({}, { app: 'web' })).toBe(true)
    expect(labelSetMatches(undefined, undefined)).toBe(true)
    expect(labelSetMatches({ app: 'web' }, undefined)).toBe(false)
  })

  it.each([
    [{}, true],
    [{ matchLabels: {} }, true],
    [{ matchLabels: {}, matchExpressions: [] }, true],
    [{ matchLabels: { app: 'web' } }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, false],
    [undefined, false],
  ])('the selector %j is empty (selects every pod): %s', (selector, empty) => {
    expect(isEmptyLabelSelector(selector as never)).toBe(empty)
  })
})

describe('deepEqual (JSON equality)', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, gone: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    ['1', 1, false],
  ])('%j and %j: %s', (a, b, equal) => {
    expect(deepEqual(a, b)).toBe(equal)
    expect(deepEqual(b, a)).toBe(equal)
  })
})

describe('resourceAmount', () => {
  it.each([
    ['500m', 0.5],
    ['64Mi', 64 * 2 ** 20],
    [2, 2],
    [undefined, 0],
    ['lots', 0],
  ])('%j counts as %s', (q, n) => {
    expect(resourceAmount(q)).toBe(n)
  })
})

describe('resolveIntOrPercent (conformance C25)', () => {
  it.each([
    [10, '25%', '25%', 3, 2],
    [10, '39%', '39%', 4, 3],
    [0, '0%', '0%', 0, 0],
    [4, '25%', '25%', 1, 1],
    [3, '25%', '25%', 1, 0],
    [1, '25%', '25%', 1, 0],
    [2, 0, '1%', 0, 0],
  ])('R=%i, maxSurge %s (up), maxUnavailable %s (down) → %i, %i', (r, surge, unavailable, s, u) => {
    expect(resolveIntOrPercent(surge, r, true)).toBe(s)
    expect(resolveIntOrPercent(unavailable, r, false)).toBe(u)
  })

  it.each(['oops', '5', '', null, undefined, 1.5])('%j cannot be resolved', (value) => {
    expect(resolveIntOrPercent(value as never, 10, true)).toBeNull()
  })
})

describe('pullPolicyForImage', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry:5000/team/app', 'Always'],
    ['registry:5000/team/app:v2', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => {
    expect(pullPolicyForImage(image)).toBe(policy)
  })
})
