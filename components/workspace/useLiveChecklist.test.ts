// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { ChecklistItem } from '@/lib/grading/checklist'
import type { PassRecord } from './PassPanel'
import { useLiveChecklist } from './useLiveChecklist'

const items: ChecklistItem[] = [
  { id: 'exists', message: 'The Deployment web exists.', live: true },
  { id: 'replicas', message: 'It runs 3 replicas.', live: false },
]

const statuses = (entries: readonly { id: string; status: string; by: string | null }[]) =>
  entries.map((e) => `${e.id}: ${e.status} (${e.by})`)

describe('useLiveChecklist', () => {
  it('lists every check unchecked when nothing has been passed or run', () => {
    const { result } = renderHook(() => useLiveChecklist(items, undefined))
    expect(statuses(result.current[0])).toEqual(['exists: unchecked (null)', 'replicas: unchecked (null)'])
  })

  it('starts from the last passing result', () => {
    const passChecks = [
      { id: 'exists', passed: true },
      { id: 'replicas', passed: true },
    ]
    const { result } = renderHook(() => useLiveChecklist(items, passChecks))
    expect(statuses(result.current[0])).toEqual(['exists: passed (submit)', 'replicas: passed (submit)'])
  })

  it('follows a pass that arrives after the page opened (a visitor’s, read from this browser)', () => {
    const { result, rerender } = renderHook(
      ({ passChecks }: { passChecks?: PassRecord['checks'] }) => useLiveChecklist(items, passChecks),
      { initialProps: {} },
    )
    rerender({
      passChecks: [
        { id: 'exists', passed: true },
        { id: 'replicas', passed: false },
      ],
    })
    expect(statuses(result.current[0])).toEqual(['exists: passed (submit)', 'replicas: failed (submit)'])
  })

  it('is ticked by a Run: the live checks only', () => {
    const { result } = renderHook(() => useLiveChecklist(items, undefined))
    act(() =>
      result.current[1]({
        type: 'run',
        checks: [
          { id: 'exists', passed: true },
          { id: 'replicas', passed: true },
        ],
      }),
    )
    expect(statuses(result.current[0])).toEqual(['exists: passed (run)', 'replicas: unchecked (null)'])
  })
})
