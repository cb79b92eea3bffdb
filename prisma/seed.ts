/** Demo accounts for trying Kubelab locally; password `kubelab-demo`. */
import type { Dal } from '../lib/server/dal/index.ts'
import type { Db } from '../lib/server/db/client.ts'
import type { Role } from '../lib/server/auth/roles.ts'
import { demoLearners } from './demo/learners.ts'

export const demoPassword = 'kubelab-demo'
export const demoAccounts: { email: string; role: Role; name: string }[] = [
  { email: 'learner@kubelab.dev', role: 'learner', name: 'Demo Learner' },
  { email: 'teacher@kubelab.dev', role: 'teacher', name: 'Demo Teacher' },
  { email: 'author@kubelab.dev', role: 'author', name: 'Demo Author' },
]

export const demoClassName = 'Demo class'

/** Every account the seed may create: the three above and the Demo class's learners (`kubelab demo remove` deletes them all). */
export const allDemoEmails: string[] = [...demoAccounts.map((a) => a.email), ...demoLearners.map((l) => l.email)]

/**
 * Creates the demo accounts and, when the demo teacher has no class yet, the Demo class. Given the database, the
 * class is the living one (prisma/demo): a dozen learners at every stage of the course, with real graded attempts,
 * quiz attempts, due dates and comments, so every view of a class shows something on the first start.
 */
export async function seedDemo(dal: Dal, db?: Db): Promise<void> {
  const users = new Map<string, { id: string; role: Role }>()
  for (const account of demoAccounts) {
    const existing = await dal.users.authenticate(account.email, demoPassword)
    const user = existing ?? (await dal.users.upsertWithRole(account.email, demoPassword, account.role, account.name))
    users.set(account.role, { id: user.id, role: user.role })
  }
  // A class the demo teacher runs with the demo learner in it, so the teacher's pages show the learner's real
  // progress as someone tries both accounts. Only when the teacher has no class yet (and the roles are intact).
  const teacher = users.get('teacher')
  const learner = users.get('learner')
  if (teacher?.role !== 'teacher' || learner?.role !== 'learner') return
  if ((await dal.classes.listTaught(teacher)).length > 0) return
  if (db) {
    // loaded only here: the grader and the content it needs stay out of the pages that import this file's names
    const { createLivingDemoClass } = await import('./demo/fill.ts')
    const label = demoAccounts.find((a) => a.role === 'teacher')!.name
    await createLivingDemoClass(db, {
      name: demoClassName,
      courseId: 'kubernetes-basics',
      teacherId: teacher.id,
      teacherLabel: label,
      learnerId: learner.id,
      password: demoPassword,
    })
    return
  }
  const demo = await dal.classes.create(teacher, { name: demoClassName, courseId: 'kubernetes-basics' })
  await dal.classes.join(learner, demo.inviteCode)
}

/**
 * Whether this start creates the demo accounts (their password is in the README, so anyone can sign in as them).
 * Never by surprise: `SEED_DEMO=1` always creates them and `SEED_DEMO=0` never does; otherwise only a
 * newcomer's first start creates them — not production (whatever the database), and not a database that
 * already existed, so accounts someone removed do not come back on the next start.
 */
export function shouldSeedDemo(environment: { NODE_ENV?: string; SEED_DEMO?: string }, database: { isNew: boolean }): boolean {
  const flag = environment.SEED_DEMO?.trim().toLowerCase()
  if (flag === '1' || flag === 'true') return true
  if (flag === '0' || flag === 'false') return false
  if (environment.NODE_ENV === 'production') return false
  return database.isNew
}

/** How to remove the demo accounts again (the `kubelab demo remove` command). */
export const removeDemoCommand = 'npm run -s kubelab -- demo remove'
