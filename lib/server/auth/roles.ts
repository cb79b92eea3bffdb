import { z } from 'zod'

export const roles = ['learner', 'teacher', 'author', 'admin'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export function toRole(value: unknown): Role {
  const parsed = roleSchema.safeParse(value)
  return parsed.success ? parsed.data : 'learner'
}

/**
 * Whether someone may act in one of the `allowed` roles: an admin always may, nobody (null) never does. The one role
 * check: pages, route handlers and `requireRole` in the data-access layer all ask it.
 */
export function hasRole<V extends { role: Role }>(viewer: V | null | undefined, allowed: readonly Role[]): viewer is V {
  return viewer != null && (viewer.role === 'admin' || allowed.includes(viewer.role))
}
