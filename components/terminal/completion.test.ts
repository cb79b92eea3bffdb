import { describe, expect, it } from 'vitest'
import { applyCompletion, commonPrefix, formatColumns } from './completion'
import { emptyLine, lineText, type LineState } from './line-editor'

const at = (text: string, cursor = Array.from(text).length): LineState => ({ ...emptyLine(), chars: Array.from(text), cursor })

describe('applyCompletion', () => {
  it('completes a single candidate and adds a space', () => {
    const r = applyCompletion(at('kubectl ge'), ['get'])
    expect(lineText(r.state)).toBe('kubectl get ')
    expect(r.state.cursor).toBe(12)
  })

  it('adds no space after a word that goes on (svc/, --replicas=)', () => {
    expect(lineText(applyCompletion(at('kubectl scale deploy web --rep'), ['--replicas=']).state)).toBe(
      'kubectl scale deploy web --replicas=',
    )
  })

  it('completes the common prefix of several candidates', () => {
    const r = applyCompletion(at('kubectl delete pod web-'), ['web-7d4b9c-abcde', 'web-7d4b9c-fghij'])
    expect(lineText(r.state)).toBe('kubectl delete pod web-7d4b9c-')
    expect(r.list).toBeUndefined()
  })

  it('lists the candidates when the prefix adds nothing', () => {
    const r = applyCompletion(at('kubectl delete pod web-7d4b9c-'), ['web-7d4b9c-fghij', 'web-7d4b9c-abcde'])
    expect(r.list).toEqual(['web-7d4b9c-abcde', 'web-7d4b9c-fghij'])
    expect(lineText(r.state)).toBe('kubectl delete pod web-7d4b9c-')
  })

  it('rings the bell when nothing matches, and completes in the middle of a line', () => {
    expect(applyCompletion(at('kubectl frob'), []).bell).toBe(true)
    const r = applyCompletion(at('kubectl ge pods', 10), ['get'])
    expect(lineText(r.state)).toBe('kubectl get pods')
    expect(r.state.cursor).toBe(11)
  })

  it('finds the common prefix of words', () => {
    expect(commonPrefix(['deployment', 'deployments', 'deploy'])).toBe('deploy')
    expect(commonPrefix([])).toBe('')
  })
})

describe('formatColumns', () => {
  it('fills columns top to bottom like bash, within the terminal width', () => {
    const items = ['aa', 'bbbb', 'c', 'dd', 'eeeee', 'f', 'g']
    const lines = formatColumns(items, 24)
    expect(lines).toEqual(['aa     dd     g', 'bbbb   eeeee', 'c      f'])
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(24)
  })

  it('puts each candidate on its own line when the terminal is narrow', () => {
    expect(formatColumns(['deployment/web', 'deployment/api'], 10)).toEqual(['deployment/web', 'deployment/api'])
  })
})
