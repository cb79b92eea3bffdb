/**
 * The data-access layer: the only code that touches the database. Route handlers and server actions parse their
 * input with zod, then call these functions with the viewer; each function checks what that viewer may do.
 */
import { db, type Db } from '../db/client.ts'
import { adminDal } from './admin.ts'
import { classesDal } from './classes.ts'
import { draftsDal } from './drafts.ts'
import { importDal } from './import.ts'
import { invitationsDal } from './invitations.ts'
import { passwordResetsDal } from './password-resets.ts'
import { progressDal } from './progress.ts'
import { quizzesDal } from './quizzes.ts'
import { usersDal } from './users.ts'

export function createDal(database: Db) {
  return {
    users: usersDal(database),
    progress: progressDal(database),
    quizzes: quizzesDal(database),
    drafts: draftsDal(database),
    classes: classesDal(database),
    imports: importDal(database),
    admin: adminDal(database),
    invitations: invitationsDal(database),
    passwordResets: passwordResetsDal(database),
    async ping(): Promise<boolean> {
      await database.$queryRawUnsafe('SELECT 1')
      return true
    },
  }
}

export type Dal = ReturnType<typeof createDal>

let instance: Dal | undefined
export function dal(): Dal {
  instance ??= createDal(db())
  return instance
}

export { AccessDeniedError, type Viewer } from './viewer.ts'
