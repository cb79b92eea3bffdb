import type { DefaultSession } from 'next-auth'
import type { Role } from './roles.ts'

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; unverified?: boolean } & DefaultSession['user']
  }
  interface User {
    role?: Role
    sessionVersion?: number
  }
}
