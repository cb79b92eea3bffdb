/**
 * `kubelab user …`: accounts and roles from the server's command line — the way to appoint a school's first
 * admin (ADR 0011). Every change is written to the audit log with the actor "cli".
 * Exit codes: 0 done (or nothing to change), 1 refused (an account exists or is missing, the last admin, an
 * invalid email or password), 2 usage, I/O or database error.
 */
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import { withDatabase } from './database.ts'
import { generatePassword } from './generated-password.ts'
import { roles, roleSchema, type Role } from '../server/auth/roles.ts'
import {
  accountOperations,
  AccountRuleError,
  newAccountSchema,
  passwordSchema,
  type Account,
  type AccountOperations,
} from '../server/dal/accounts.ts'
import { cliActor } from '../server/dal/audit.ts'

const USAGE = `Usage: npm run -s kubelab -- user <command> [options]

  user add EMAIL --role ROLE [--name NAME] [--password-stdin] [--json]
                         create an account; without --password-stdin a strong password is generated and printed once
  user role EMAIL ROLE [--json]
                         give an account another role
  user list [--role ROLE] [--json]
                         list accounts: email, role, state, name, created
  user disable EMAIL [--json]
                         disable an account: it cannot sign in and its sessions end at once
  user enable EMAIL [--json]
                         enable it again (it signs in afresh)

ROLE is one of ${roles.join(', ')}. Uses DATABASE_URL like the server (default file:./data/kubelab.db).
Every change is recorded in the audit log (seen at /admin/audit) as done by "cli".
Exit codes: 0 done, 1 refused (exists, not found, the last admin, invalid email or password), 2 usage, I/O or database error.
`

interface Output {
  json: boolean
  io: CliIO
}

const spec = defineCommand({
  command: 'user',
  usage: USAGE,
  options: { json: { type: 'boolean' }, 'password-stdin': { type: 'boolean' }, role: { type: 'string' }, name: { type: 'string' } },
  subcommands: {
    add: ['json', 'password-stdin', 'role', 'name'],
    role: ['json'],
    list: ['json', 'role'],
    disable: ['json'],
    enable: ['json'],
  },
})

/** How many positionals each subcommand takes after its name, and what to call them. */
const ARGUMENTS: Record<string, [count: number, what: string]> = {
  add: [1, 'an EMAIL'],
  role: [2, 'an EMAIL and a ROLE'],
  list: [0, 'no arguments'],
  disable: [1, 'an EMAIL'],
  enable: [1, 'an EMAIL'],
}

/** A refusal: one JSON object with --json, one line on stderr otherwise; exit 1. */
function refuse(out: Output, code: string, message: string): number {
  if (out.json) out.io.stdout(`${JSON.stringify({ ok: false, error: code, message })}\n`)
  else out.io.stderr(`kubelab user: ${message}\n`)
  return 1
}

const accountJson = (a: Account) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  disabled: a.disabledAt !== null,
  disabledAt: a.disabledAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
})

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { values, json } = parsed
  const [sub = '', ...rest] = parsed.positionals // parseCommand has checked the subcommand
  const [count, what] = ARGUMENTS[sub]!
  if (rest.length !== count) return usageError(io, spec, `"user ${sub}" takes ${what}`, json)
  const roleText = sub === 'role' ? rest[1] : values.role
  if (sub === 'add' && roleText === undefined) return usageError(io, spec, '--role is required', json)
  let role: Role | undefined
  if (roleText !== undefined) {
    const checkedRole = roleSchema.safeParse(roleText)
    if (!checkedRole.success) return usageError(io, spec, `unknown role "${roleText}" (one of ${roles.join(', ')})`, json)
    role = checkedRole.data
  }
  const out: Output = { json, io }
  const email = rest[0] ?? ''

  // Read the password before opening the database, so a missing one fails fast.
  let password: string | undefined
  if (sub === 'add' && values['password-stdin']) {
    if (!io.readStdin) return usageError(io, spec, '--password-stdin needs standard input', json)
    password = await io.readStdin()
    if (!passwordSchema.safeParse(password).success) return refuse(out, 'invalid', 'the password must be 8 to 200 characters')
  }
  if (sub === 'add') {
    const checked = newAccountSchema.safeParse({ email, role, name: values.name, password: password ?? 'placeholder-checked-later' })
    if (!checked.success) return refuse(out, 'invalid', `invalid ${checked.error.issues.map((i) => String(i.path[0])).join(' and ')}`)
  }

  return withDatabase(io, 'user', async (db) => {
    const accounts = accountOperations(db)
    try {
      if (sub === 'add') return await add(accounts, out, { email, role: role!, name: values.name, password })
      if (sub === 'role') return await changeRole(accounts, out, email, role!)
      if (sub === 'list') return await list(accounts, out, role)
      return await setDisabled(accounts, out, email, sub === 'disable')
    } catch (error) {
      if (error instanceof AccountRuleError)
        return refuse(out, error.code, error.code === 'not_found' ? `no account with the email ${email}` : error.message)
      throw error
    }
  })
}

async function add(
  accounts: AccountOperations,
  out: Output,
  input: { email: string; role: Role; name?: string; password?: string },
): Promise<number> {
  const generated = input.password === undefined
  const password = input.password ?? generatePassword()
  const account = await accounts.create(cliActor, { email: input.email, role: input.role, name: input.name, password })
  if (out.json) out.io.stdout(`${JSON.stringify({ ok: true, user: accountJson(account), ...(generated ? { password } : {}) })}\n`)
  else {
    out.io.stdout(`Created ${account.role} ${account.email}.\n`)
    if (generated) out.io.stdout(`Password (shown once, keep it somewhere safe): ${password}\n`)
    out.io.stdout(`Sign in at /signin${account.role === 'admin' ? '; the Admin page is /admin' : ''}.\n`)
  }
  return 0
}

async function changeRole(accounts: AccountOperations, out: Output, email: string, role: Role): Promise<number> {
  const { account, changed } = await accounts.changeRole(cliActor, { email }, role)
  if (out.json) out.io.stdout(`${JSON.stringify({ ok: true, changed, user: accountJson(account) })}\n`)
  else
    out.io.stdout(
      changed ? `${account.email} is now ${account.role}.\n` : `${account.email} is already ${account.role}; nothing changed.\n`,
    )
  return 0
}

async function setDisabled(accounts: AccountOperations, out: Output, email: string, disabled: boolean): Promise<number> {
  const { account, changed } = await accounts.setDisabled(cliActor, { email }, disabled)
  if (out.json) out.io.stdout(`${JSON.stringify({ ok: true, changed, user: accountJson(account) })}\n`)
  else if (!changed) out.io.stdout(`${account.email} is already ${disabled ? 'disabled' : 'enabled'}; nothing changed.\n`)
  else
    out.io.stdout(
      disabled
        ? `Disabled ${account.email}: it cannot sign in, and its sessions have ended.\n`
        : `Enabled ${account.email}: it can sign in again.\n`,
    )
  return 0
}

async function list(accounts: AccountOperations, out: Output, role: Role | undefined): Promise<number> {
  const all: Account[] = []
  for (let page = 1; ; page++) {
    const found = await accounts.list({ role, page }, 500)
    all.push(...found.items)
    if (found.page >= found.pageCount) break
  }
  if (out.json) {
    out.io.stdout(`${JSON.stringify({ users: all.map(accountJson) })}\n`)
    return 0
  }
  const rows = [
    ['EMAIL', 'ROLE', 'STATE', 'NAME', 'CREATED'],
    ...all.map((a) => [a.email, a.role, a.disabledAt ? 'disabled' : 'active', a.name ?? '', a.createdAt.toISOString().slice(0, 10)]),
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) out.io.stdout(`${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}\n`)
  out.io.stdout(`${all.length} account${all.length === 1 ? '' : 's'}${role ? ` with the role ${role}` : ''}\n`)
  return 0
}
