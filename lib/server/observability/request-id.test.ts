import { describe, expect, it } from 'vitest'
import { chooseRequestId, requestIdPattern } from './request-id.ts'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('the request id', () => {
  it('is a new UUID for every request without a trusted proxy, whatever the client sent', () => {
    const a = chooseRequestId(undefined, false)
    const b = chooseRequestId(undefined, false)
    expect(a).toMatch(uuid)
    expect(b).toMatch(uuid)
    expect(a).not.toBe(b)
    expect(chooseRequestId('client-chosen-id-123', false)).toMatch(uuid)
  })

  it("keeps a trusted proxy's id when it is plainly an id", () => {
    for (const id of [
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
      'req.42:edge-7_x',
    ])
      expect(chooseRequestId(id, true)).toBe(id)
  })

  it("replaces a trusted proxy's id that could smuggle anything into the logs or is too short or long", () => {
    const refused = [
      'short',
      'has space inside',
      'line\nbreak-injected',
      '{"json":"object"}',
      '-starts-with-dash',
      'x'.repeat(129),
      'ünïcode-identifier',
      '',
    ]
    for (const id of refused) {
      expect(requestIdPattern.test(id), id).toBe(false)
      expect(chooseRequestId(id, true), id).toMatch(uuid)
    }
    // a repeated header arrives as a list: not an id
    expect(chooseRequestId(['0f8fad5b-d9cb-469f-a165-70867728950e', 'b'], true)).toMatch(uuid)
  })
})
