import { describe, expect, it } from 'vitest'
import { StartStamps, markStarted } from './start-stamps.ts'

describe('start stamps shared by the pool and its workers', () => {
  it('say when a grade started, once its worker marked it', () => {
    const stamps = new StartStamps(2)
    const shared = new BigInt64Array(stamps.buffer)
    const a = stamps.take()!
    expect(stamps.startedAt(a)).toBeNull()
    markStarted(shared, a, 1_700_000_000_000)
    expect(stamps.startedAt(a)).toBe(1_700_000_000_000)
  })

  it('hand out each slot to one grade at a time, and none when all are taken', () => {
    const stamps = new StartStamps(2)
    const a = stamps.take()!
    const b = stamps.take()!
    expect(a.slot).not.toBe(b.slot)
    expect(stamps.take()).toBeNull()
    stamps.release(a)
    expect(stamps.take()).not.toBeNull()
  })

  it('ignore a worker that marks a grade the pool already gave up on, whose slot another grade now holds', () => {
    const stamps = new StartStamps(1)
    const shared = new BigInt64Array(stamps.buffer)
    const given = stamps.take()!
    stamps.release(given) // stopped while queued
    const next = stamps.take()!
    expect(next.slot).toBe(given.slot)
    markStarted(shared, given, 1_700_000_000_000) // the first grade's worker, late
    expect(stamps.startedAt(next)).toBeNull()
    markStarted(shared, next, 1_700_000_000_500)
    expect(stamps.startedAt(next)).toBe(1_700_000_000_500)
  })
})
