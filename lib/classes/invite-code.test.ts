import { describe, expect, it } from 'vitest'
import { formatInviteCode, generateInviteCode, INVITE_CODE_LENGTH, normalizeInviteCode } from './invite-code.ts'

describe('invite codes', () => {
  it('are 8 characters without look-alikes (0/O, 1/I/L)', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateInviteCode()
      expect(code).toHaveLength(INVITE_CODE_LENGTH)
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/)
    }
  })

  it('accept what learners type: any case, spaces, the dash', () => {
    expect(normalizeInviteCode('abcd-2345')).toBe('ABCD2345')
    expect(normalizeInviteCode(' AbCd 2345 ')).toBe('ABCD2345')
    expect(normalizeInviteCode(formatInviteCode('WXYZ6789'))).toBe('WXYZ6789')
  })

  it('refuse what cannot be a code', () => {
    for (const bad of ['', 'ABCD234', 'ABCD23456', 'ABCD-23O5', 'ABCD-2I45', "ABCD'; --", 'ＡＢＣＤ２３４５'])
      expect(normalizeInviteCode(bad)).toBeNull()
  })

  it('are grouped for reading', () => {
    expect(formatInviteCode('ABCD2345')).toBe('ABCD-2345')
  })
})
