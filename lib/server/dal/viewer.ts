/** Who is asking. Every data-access function takes a viewer and checks what that viewer may do. */
import { hasRole, type Role } from '../auth/roles.ts'

export interface Viewer {
  id: string
  role: Role
}

export class AccessDeniedError extends Error {
  readonly status: 401 | 403
  constructor(status: 401 | 403, message: string) {
    super(message)
    this.status = status
  }
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDeniedError(401, 'Sign in first.')
  return viewer
}

export function requireRole(viewer: Viewer | null, allowed: readonly Role[]): Viewer {
  const v = requireViewer(viewer)
  if (!hasRole(v, allowed)) throw new AccessDeniedError(403, `This needs the ${allowed.join(' or ')} role.`)
  return v
}
