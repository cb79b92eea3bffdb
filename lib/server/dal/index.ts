/**
 * The data-access layer: the only code that touches the database. Route handlers and server actions parse their
 * input with zod, then call these functions with the viewer; each function checks what that viewer may do.
 */
import { db, type Db } from '../db/client.ts'
import { adminDal } from './admin.ts'
import { classAttemptsDal } from './class-attempts.ts'
import { classInsightDal, type CourseLookup } from './class-insight.ts'
import { classesDal } from './classes.ts'
import { commentsDal } from './comments.ts'
import { deadlinesDal } from './deadlines.ts'
import { draftsDal } from './drafts.ts'
import { importDal } from './import.ts'
import { invitationsDal } from './invitations.ts'
import { passwordResetsDal } from './password-resets.ts'
import { progressDal } from './progress.ts'
import { quizzesDal } from './quizzes.ts'
import { storageQuotaFromEnv, type StorageQuota } from './quotas.ts'
import { studioCoursesDal } from './studio-courses.ts'
import { studioLessonsDal } from './studio-lessons.ts'
import { usersDal } from './users.ts'

export interface DalOptions {
  /** storage quotas per learner (default: from the environment) */
  quota?: StorageQuota
  /** where the class insight finds a course (default: the server's course catalog, studio lessons included) */
  courses?: CourseLookup
}

// Imported when first asked: the catalog reads published studio lessons through this module.
const catalogCourse: CourseLookup = async (courseId) => (await import('../course-catalog.ts')).findCatalogCourse(courseId)

export function createDal(database: Db, options: DalOptions = {}) {
  const quota = () => options.quota ?? storageQuotaFromEnv()
  return {
    users: usersDal(database),
    progress: progressDal(database, quota),
    quizzes: quizzesDal(database),
    drafts: draftsDal(database),
    classes: classesDal(database),
    comments: commentsDal(database),
    insight: classInsightDal(database, options.courses ?? catalogCourse),
    imports: importDal(database, quota),
    admin: adminDal(database),
    invitations: invitationsDal(database),
    passwordResets: passwordResetsDal(database),
    studioLessons: studioLessonsDal(database),
    studioCourses: studioCoursesDal(database),
    deadlines: deadlinesDal(database),
    classAttempts: classAttemptsDal(database),
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
export { QuotaExceededError, type StorageQuota } from './quotas.ts'
export { UnstorableTextError } from './text.ts'
