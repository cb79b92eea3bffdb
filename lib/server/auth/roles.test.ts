import { describe, expect, it } from 'vitest'
import { hasRole, roles, type Role } from './roles.ts'

const who = (role: Role) => ({ id: `u-${role}`, role })

describe('hasRole', () => {
  it('is true for the allowed roles, and for an admin whatever is allowed', () => {
    expect(hasRole(who('teacher'), ['teacher'])).toBe(true)
    expect(hasRole(who('author'), ['teacher', 'author'])).toBe(true)
    expect(hasRole(who('admin'), ['teacher'])).toBe(true)
    expect(hasRole(who('admin'), [])).toBe(true)
  })

  it('is false for any other role and for nobody', () => {
    expect(hasRole(who('learner'), ['teacher'])).toBe(false)
    expect(hasRole(who('author'), ['teacher'])).toBe(false)
    expect(hasRole(who('teacher'), ['author'])).toBe(false)
    expect(hasRole(who('teacher'), [])).toBe(false)
    expect(hasRole(null, ['teacher'])).toBe(false)
    expect(hasRole(undefined, ['learner'])).toBe(false)
  })

  it('matches the checks it replaced for every role', () => {
    for (const role of roles) {
      const viewer = who(role)
      expect(hasRole(viewer, ['teacher'])).toBe(viewer.role === 'teacher' || viewer.role === 'admin')
      expect(hasRole(viewer, ['author'])).toBe(viewer.role === 'author' || viewer.role === 'admin')
      expect(hasRole(viewer, ['admin'])).toBe(viewer.role === 'admin')
    }
  })

  it('narrows to the viewer it was given', () => {
    const viewer: { id: string; role: Role } | null = who('teacher') as { id: string; role: Role } | null
    if (hasRole(viewer, ['teacher'])) expect(viewer.id).toBe('u-teacher')
    else throw new Error('a teacher has the teacher role')
  })
})
