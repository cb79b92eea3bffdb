import { describe, expect, it } from 'vitest'
import { AccessDeniedError, requireRole } from './viewer.ts'

describe('requireRole', () => {
  it('returns the viewer who has an allowed role, an admin always', () => {
    const teacher = { id: 't', role: 'teacher' as const }
    const admin = { id: 'a', role: 'admin' as const }
    expect(requireRole(teacher, ['teacher'])).toBe(teacher)
    expect(requireRole(admin, ['author'])).toBe(admin)
  })

  it('refuses nobody with 401 and anyone else with 403 naming the roles', () => {
    expect(() => requireRole(null, ['teacher'])).toThrow(expect.objectContaining({ status: 401 }))
    const refused = (() => {
      try {
        requireRole({ id: 'l', role: 'learner' }, ['teacher', 'author'])
      } catch (error) {
        return error
      }
    })()
    expect(refused).toBeInstanceOf(AccessDeniedError)
    expect(refused).toMatchObject({ status: 403, message: 'This needs the teacher or author role.' })
  })
})
