/** Demo accounts for trying Kubelab locally; password `kubelab-demo`. */
import type { Dal } from '../lib/server/dal/index.ts'
import type { Role } from '../lib/server/auth/roles.ts'

export const demoPassword = 'kubelab-demo'
export const demoAccounts: { email: string; role: Role; name: string }[] = [
  { email: 'learner@kubelab.dev', role: 'learner', name: 'Demo Learner' },
  { email: 'teacher@kubelab.dev', role: 'teacher', name: 'Demo Teacher' },
  { email: 'author@kubelab.dev', role: 'author', name: 'Demo Author' },
]

export async function seedDemo(dal: Dal): Promise<void> {
  for (const account of demoAccounts) {
    const existing = await dal.users.authenticate(account.email, demoPassword)
    if (!existing) await dal.users.upsertWithRole(account.email, demoPassword, account.role, account.name)
  }
}

/** Demo data belongs to the embedded default; a production database gets it only when asked (SEED_DEMO=1). */
export function shouldSeedDemo(environment: { NODE_ENV?: string; DATABASE_URL?: string; SEED_DEMO?: string }): boolean {
  if (environment.SEED_DEMO === '1' || environment.SEED_DEMO === 'true') return true
  if (environment.SEED_DEMO === '0' || environment.SEED_DEMO === 'false') return false
  return !(environment.NODE_ENV === 'production' && environment.DATABASE_URL)
}
