/**
 * `kubelab demo remove`: deletes the demo accounts (prisma/seed.ts) and the Demo class's learners with their
 * progress, submissions, drafts and the demo class, in one audited transaction — before opening a server to real
 * users. The start-up prints this command while the demo accounts exist.
 * Exit codes: 0 removed (or none there), 1 refused (a demo account is the last admin), 2 usage or database error.
 */
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import { withDatabase } from './database.ts'
import { accountOperations, AccountRuleError } from '../server/dal/accounts.ts'
import { cliActor } from '../server/dal/audit.ts'
import { allDemoEmails, demoAccounts, shouldSeedDemo } from '../../prisma/seed.ts'

const USAGE = `Usage: npm run -s kubelab -- demo remove [--json]

Deletes the demo accounts (${demoAccounts.map((a) => a.email).join(', ')}), the ${allDemoEmails.length - demoAccounts.length}
learners of the Demo class (…@kubelab.dev) and everything that is theirs: progress, submissions, drafts, quiz
attempts, and the classes the demo teacher runs (one that another teacher co-teaches stays, with that teacher as
its owner). Recorded in the audit log. Set SEED_DEMO=0 as well, or the next start creates them again.
Exit codes: 0 removed or none there, 1 refused, 2 usage or database error.
`

const spec = defineCommand({
  command: 'demo',
  usage: USAGE,
  options: { json: { type: 'boolean' } },
  subcommands: { remove: ['json'] },
})

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { positionals, json } = parsed
  if (positionals.length !== 1) return usageError(io, spec, '"demo remove" takes no arguments', json)
  return withDatabase(io, 'demo', async (db) => {
    let result: { removed: string[]; classes: number; handedOver: number }
    try {
      result = await accountOperations(db).remove(cliActor, allDemoEmails, 'demo.removed')
    } catch (error) {
      if (!(error instanceof AccountRuleError)) throw error
      if (json) io.stdout(`${JSON.stringify({ ok: false, error: error.code, message: error.message })}\n`)
      else io.stderr(`kubelab demo: ${error.message}\n`)
      return 1
    }
    // shouldSeedDemo reads the raw variables, as `npm start` does; this database is not new any more
    const seededAgain = shouldSeedDemo((io.env ?? process.env) as Record<string, string | undefined>, { isNew: false })
    if (json)
      io.stdout(
        `${JSON.stringify({ ok: true, removed: result.removed, classes: result.classes, handedOver: result.handedOver, seededAgainAtStart: seededAgain })}\n`,
      )
    else {
      io.stdout(
        result.removed.length === 0
          ? 'No demo accounts here; nothing removed.\n'
          : `Removed ${result.removed.length} demo account(s) (${result.removed.join(', ')}) and ${result.classes} class(es) with all their data.\n`,
      )
      if (result.handedOver > 0) io.stdout(`Kept ${result.handedOver} class(es) another teacher co-teaches: that teacher owns them now.\n`)
      if (seededAgain) io.stdout('Note: the next start creates them again unless SEED_DEMO=0 is set.\n')
    }
    return 0
  })
}
