/**
 * What a data-access call asks the database, and how the database answers it: the SQL statements Prisma runs
 * for a view (captured from its query log, `createDb`'s `onQuery`), and each one's plan — `EXPLAIN QUERY PLAN` on
 * SQLite, `EXPLAIN` on PostgreSQL, with the statement's own parameters — searched for full scans of the tables that
 * grow with a class (submissions, lesson progress, quiz attempts, comments). Used by the class views' test
 * (lib/server/dal/class-views.integration.test.ts) and the class-scale bench.
 *
 * PostgreSQL plans a small table with a sequential scan whatever its indexes, so the check asks with
 * `enable_seqscan = off` (`indexesOnly`): a sequential scan that remains, or an index scan with no condition, means
 * no index fits the statement. SQLite plans without statistics (Kubelab never runs ANALYZE), the same at any size.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { createDb, type Db, type QueryEvent } from '../server/db/client.ts'
import { databaseProvider } from '../server/env.ts'
import { sqlitePath } from '../server/db/sqlite-path.ts'

/** The tables whose rows grow with learners × attempts: a full scan of one is a view that slows down with the class. */
export const bigTables = ['Submission', 'LessonProgress', 'QuizAttempt', 'TeacherComment'] as const

export interface CapturedQuery {
  sql: string
  params: unknown[]
  durationMs: number
}

export interface QueryPlan extends CapturedQuery {
  /** the plan as the database prints it, one line per step */
  plan: string[]
  /** tables this statement reads whole (a sequential scan, or an index walked end to end), big or not */
  fullScans: string[]
}

/** The big tables among a statement's full scans: what the class views may never do. */
export const bigTableScans = (plan: QueryPlan): string[] => plan.fullScans.filter(isBigTable)

/** BEGIN, COMMIT, SAVEPOINT… are not questions to the database: not counted, not explained. */
export function isDataStatement(sql: string): boolean {
  return /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(sql)
}

/** A client on `url` that records the statements run while `capture` is running. */
export function recordingDb(url: string): { db: Db; capture<T>(run: () => Promise<T>): Promise<{ value: T; queries: CapturedQuery[] }> } {
  let recording: CapturedQuery[] | null = null
  const onQuery = (e: QueryEvent) => {
    if (recording && isDataStatement(e.query)) recording.push({ sql: e.query, params: parseParams(e.params), durationMs: e.duration })
  }
  const db = createDb(url, { onQuery })
  return {
    db,
    async capture(run) {
      if (recording) throw new Error('one capture at a time')
      recording = []
      try {
        const value = await run()
        return { value, queries: recording }
      } finally {
        recording = null
      }
    },
  }
}

function parseParams(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value : []
  } catch {
    return []
  }
}

/** Each statement's plan on the database at `url`, and the big tables it scans whole. */
export async function explainQueries(url: string, queries: CapturedQuery[], options: { indexesOnly?: boolean } = {}): Promise<QueryPlan[]> {
  return databaseProvider(url) === 'sqlite' ? explainSqlite(url, queries) : explainPostgres(url, queries, options.indexesOnly ?? true)
}

function explainSqlite(url: string, queries: CapturedQuery[]): QueryPlan[] {
  const conn = new Database(sqlitePath(url), { readonly: true, fileMustExist: true })
  try {
    const tables = new Set(
      (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    )
    return queries.map((q) => {
      const rows = conn.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params.map(sqliteValue)) as {
        id: number
        parent: number
        detail: string
      }[]
      const depth = new Map<number, number>()
      const plan = rows.map((r) => {
        depth.set(r.id, (depth.get(r.parent) ?? -1) + 1)
        return `${'  '.repeat(depth.get(r.id)!)}${r.detail}`
      })
      const aliases = tableAliases(q.sql)
      const fullScans = rows.flatMap((r) => {
        // "SCAN main.Submission", "SCAN t1 USING INDEX …"; a subquery's name (SCAN sub) is no table
        const m = /^SCAN (?:main\.)?(\S+)/.exec(r.detail)
        const table = m && (aliases.get(m[1]!) ?? m[1]!)
        return table && tables.has(table) ? [table] : []
      })
      return { ...q, plan, fullScans }
    })
  } finally {
    conn.close()
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; Prisma's log also has booleans and objects. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return value ?? null
}

/** `FROM "Submission" AS "t1"` → t1 → Submission (both quotings), so a plan's alias names its table. */
function tableAliases(sql: string): Map<string, string> {
  const aliases = new Map<string, string>()
  for (const m of sql.matchAll(/[`"](\w+)[`"]\s+AS\s+[`"](\w+)[`"]/gi)) aliases.set(m[2]!, m[1]!)
  return aliases
}

const isBigTable = (table: string) => (bigTables as readonly string[]).includes(table)

interface PgPlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Cond'?: string
  Plans?: PgPlanNode[]
}

async function explainPostgres(url: string, queries: CapturedQuery[], indexesOnly: boolean): Promise<QueryPlan[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    if (indexesOnly) await client.query('SET enable_seqscan = off')
    const plans: QueryPlan[] = []
    for (const q of queries) {
      const text = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${q.sql}`, q.params)
      const json = await client.query<{ 'QUERY PLAN': [{ Plan: PgPlanNode }] }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params)
      const fullScans: string[] = []
      const walk = (node: PgPlanNode) => {
        const table = node['Relation Name']
        const whole = node['Node Type'] === 'Seq Scan' || (/^Index (Only )?Scan$/.test(node['Node Type']) && !node['Index Cond'])
        if (table && whole) fullScans.push(table)
        node.Plans?.forEach(walk)
      }
      walk(json.rows[0]!['QUERY PLAN'][0].Plan)
      plans.push({ ...q, plan: text.rows.map((r) => r['QUERY PLAN']), fullScans })
    }
    return plans
  } finally {
    await client.end()
  }
}

/** A readable report of a view's statements: each with its plan, full scans marked. */
export function formatPlans(name: string, plans: QueryPlan[]): string {
  const lines = [`${name}: ${plans.length} statement${plans.length === 1 ? '' : 's'}`]
  plans.forEach((p, i) => {
    lines.push(
      `  [${i + 1}] ${p.durationMs.toFixed(1)} ms${p.fullScans.length ? `, FULL SCAN of ${p.fullScans.join(', ')}` : ''}: ${p.sql}`,
    )
    lines.push(`      params: ${JSON.stringify(p.params).slice(0, 300)}`)
    for (const step of p.plan) lines.push(`      ${step}`)
  })
  return lines.join('\n')
}
