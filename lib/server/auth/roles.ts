import { z } from 'zod'

export const roles = ['learner', 'teacher', 'author', 'admin'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export function toRole(value: unknown): Role {
  const parsed = roleSchema.safeParse(value)
  return parsed.success ? parsed.data : 'learner'
}
