/**
 * The class views at scale (issue 17): one class of 200 learners × 30 graded exercises with 20,000 submissions,
 * their lesson progress, quiz attempts, comments and deadlines (lib/testing/class-scale-data.ts), on a fresh
 * SQLite database and, when KUBELAB_TEST_POSTGRES_URL is set, a fresh PostgreSQL one. Each view of
 * bench/class-views.ts is called RUNS times (after WARMUP calls) as the class's teacher; prints the median and p95
 * ms per call, the SQL statements one call issues, and the tables its statements read whole although an index
 * could serve them (the check of lib/testing/query-plans.ts; PostgreSQL analysed first, as autovacuum would
 * have done). The database holds this one class, so PostgreSQL's unforced plans would rightly read whole tables.
 *
 * `npm run bench -- class-scale`; LEARNERS, EXERCISES, SUBMISSIONS, RUNS, WARMUP, PLANS=1 (print every plan),
 * OTHER_CLASSES=n (n more classes of the same size in the database, as on a school's instance: the measured class is
 * then a part of each table, and PLANS=1 shows the plans PostgreSQL picks for that).
 */
import { classViews, contentCourses } from './class-views.ts'
import { createDal } from '../lib/server/dal/index.ts'
import { generateClassScale } from '../lib/testing/class-scale-data.ts'
import { postgresAdminUrl, testDatabases } from '../lib/testing/db.ts'
import { explainQueries, formatPlans, recordingDb } from '../lib/testing/query-plans.ts'

const number = (name: string, fallback: number, least = 1) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number ≥ ${least}, not ${process.env[name]}`)
  return value
}

/** nearest-rank percentile of sorted values */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

export async function run(): Promise<void> {
  const size = { learners: number('LEARNERS', 200), exercises: number('EXERCISES', 30), submissions: number('SUBMISSIONS', 20_000) }
  const runs = number('RUNS', 30)
  const warmup = number('WARMUP', 3, 0)
  const others = number('OTHER_CLASSES', 0, 0)
  if (!postgresAdminUrl) console.log('(PostgreSQL skipped: set KUBELAB_TEST_POSTGRES_URL to measure it too)')

  for (const [name, create] of testDatabases()) {
    const database = await create()
    const recorder = recordingDb(database.url)
    try {
      const { ids, counts, insertMs } = await generateClassScale(database, size)
      for (let i = 1; i <= others; i++) await generateClassScale(database, { ...size, tag: `other${i}`, seed: 100 + i })
      if (database.provider === 'postgresql') await database.db.$executeRawUnsafe('ANALYZE')
      console.log(
        `\n${name}: ${size.learners} learners × ${ids.exerciseIds.length} exercises, ${counts.submissions.toLocaleString('en')} submissions, ` +
          `${counts.progress.toLocaleString('en')} lesson progress rows, ${counts.quizAttempts.toLocaleString('en')} quiz attempts, ${counts.comments} comments, ` +
          `${counts.deadlines} deadlines; inserted in ${(insertMs / 1000).toFixed(1)} s${others > 0 ? `; ${others} other classes of that size beside it` : ''}`,
      )
      const dal = createDal(database.db, { courses: contentCourses })
      const viewer = { id: ids.teacherId, role: 'teacher' as const }
      console.log(`  ${'view'.padEnd(30)} ${'median'.padStart(9)} ${'p95'.padStart(9)}  statements  tables read whole`)
      for (const view of classViews) {
        for (let i = 0; i < warmup; i++) await view.run(dal, viewer, ids)
        const times: number[] = []
        for (let i = 0; i < runs; i++) {
          const started = performance.now()
          const value = await view.run(dal, viewer, ids)
          times.push(performance.now() - started)
          if (!value) throw new Error(`${view.name} answered nothing for the class's teacher`)
        }
        times.sort((a, b) => a - b)
        const { queries } = await recorder.capture(() => view.run(createDal(recorder.db, { courses: contentCourses }), viewer, ids))
        const plans = await explainQueries(database.url, queries)
        const scans = [...new Set(plans.flatMap((p) => p.fullScans))]
        console.log(
          `  ${view.name.padEnd(30)} ${`${percentile(times, 50).toFixed(1)} ms`.padStart(9)} ${`${percentile(times, 95).toFixed(1)} ms`.padStart(9)}  ${String(queries.length).padStart(10)}  ${scans.join(', ') || '—'}`,
        )
        if (process.env.PLANS === '1')
          console.log(
            formatPlans(
              `${view.name}, the plans as the database picks them`,
              await explainQueries(database.url, queries, { indexesOnly: false }),
            ).replace(/^/gm, '    '),
          )
      }
      console.log(`  (${runs} calls each after ${warmup} to warm up; the learner's page is the learner with the most submissions)`)
    } finally {
      await recorder.db.$disconnect()
      await database.drop()
    }
  }
}
