import { describe, expect, it } from 'vitest'
import type { EventRecord } from '@/lib/sim/index'
import { advanceCursor, countUpTo, eventsUpTo, formatClock, frameIndexAt, nextChange, previousChange } from './playback'

const frames = [{ time: 10 }, { time: 12.5 }, { time: 20 }, { time: 130 }]
const ev = (time: number, reason: string): EventRecord => ({ time, type: 'Normal', reason, object: 'Pod/x', message: '' })

describe('playback', () => {
  it('shows the last frame at or before the cursor', () => {
    expect([5, 10, 12.4, 12.5, 19.99, 20, 500].map((t) => frameIndexAt(frames, t))).toEqual([0, 0, 0, 1, 1, 2, 3])
    expect(frameIndexAt([], 3)).toBe(-1)
  })

  it('lists the events up to the cursor, newest first', () => {
    const events = [ev(10, 'Scheduled'), ev(11, 'Pulling'), ev(11, 'Pulled'), ev(15, 'Started')]
    expect(eventsUpTo(events, 11).map((e) => e.reason)).toEqual(['Pulled', 'Pulling', 'Scheduled'])
    expect(eventsUpTo(events, 9)).toEqual([])
    expect([9, 10, 10.5, 11, 15, 99].map((t) => countUpTo(events, t))).toEqual([0, 1, 1, 3, 4, 4])
  })

  it('moves the cursor by wall time times speed and stops at the end', () => {
    expect(advanceCursor(10, 500, 4, 130)).toEqual({ cursor: 12, ended: false })
    expect(advanceCursor(129, 1000, 2, 130)).toEqual({ cursor: 130, ended: true })
    expect(advanceCursor(10, -50, 2, 130)).toEqual({ cursor: 10, ended: false })
  })

  it('jumps between changes', () => {
    expect(nextChange(frames, 12.5)).toBe(20)
    expect(nextChange(frames, 130)).toBeNull()
    expect(previousChange(frames, 20)).toBe(12.5)
    expect(previousChange(frames, 10)).toBeNull()
  })

  it('formats durations like a media player', () => {
    expect([0, 5.9, 65, 600, 3725].map(formatClock)).toEqual(['0:00', '0:05', '1:05', '10:00', '1:02:05'])
  })
})
