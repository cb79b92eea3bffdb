/**
 * Prometheus metrics (prom-client), served at GET /api/metrics. One registry per process on globalThis (the
 * instrumentation and each route bundle are separate module instances); every instance of Kubelab is scraped on
 * its own. Labels are bounded: routes are Next.js's route templates (route-label.ts), exercises and limits come
 * from the content and the code, never from what a client sends. See README, Operating, and ADR 0017.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export interface Metrics {
  registry: Registry
  httpRequests: Counter<'method' | 'route' | 'status'>
  httpDuration: Histogram<'method' | 'route'>
  gradeDuration: Histogram<'exercise' | 'outcome'>
  gradesOverBudget: Counter<'exercise' | 'limit'>
  limitRefusals: Counter<'limit'>
  databaseErrors: Counter<'model' | 'operation' | 'code'>
}

/** What the grading pool gauges read at each scrape (null before the first grade started the pool). */
export type PoolReading = () => { queued: number; running: number; threads: number } | null

export function createMetrics(options: { readPool?: PoolReading; processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry()
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'kubelab_' })
  const readPool = options.readPool ?? (() => null)
  const poolGauge = (name: string, help: string, pick: (r: NonNullable<ReturnType<PoolReading>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const reading = readPool()
        this.set(reading ? pick(reading) : 0)
      },
    })
  poolGauge('kubelab_grading_queue_length', 'Grades waiting for a grading worker thread', (r) => r.queued)
  poolGauge('kubelab_grading_running', 'Grades running in a grading worker thread', (r) => r.running)
  poolGauge('kubelab_grading_threads', 'Grading worker threads', (r) => r.threads)
  return {
    registry,
    httpRequests: new Counter({
      name: 'kubelab_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'kubelab_http_request_duration_seconds',
      help: 'Time from a request arriving to its response finishing, by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    gradeDuration: new Histogram({
      name: 'kubelab_grade_duration_seconds',
      help: 'Time to grade a submission (waiting for a worker, grading and, for a learner, storing), by exercise and outcome',
      labelNames: ['exercise', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    gradesOverBudget: new Counter({
      name: 'kubelab_grades_over_budget_total',
      help: 'Grades stopped by a limit of the simulator or the grader (a 422), by exercise and limit',
      labelNames: ['exercise', 'limit'],
      registers: [registry],
    }),
    limitRefusals: new Counter({
      name: 'kubelab_rate_limit_refusals_total',
      help: 'Requests refused by an abuse limit or a storage quota, by limit',
      labelNames: ['limit'],
      registers: [registry],
    }),
    databaseErrors: new Counter({
      name: 'kubelab_database_errors_total',
      help: 'Database operations that failed, by model, operation and Prisma error code',
      labelNames: ['model', 'operation', 'code'],
      registers: [registry],
    }),
  }
}

const holder = ((globalThis as { __kubelabMetrics?: { metrics: Metrics | null; readPool: PoolReading } }).__kubelabMetrics ??= {
  metrics: null,
  readPool: () => null,
})

/** The process's metrics. */
export function metrics(): Metrics {
  holder.metrics ??= createMetrics({ readPool: () => holder.readPool() })
  return holder.metrics
}

/** Where the grading pool gauges read from (set by the grading pool's module as it loads). */
export function setPoolReading(read: PoolReading): void {
  holder.readPool = read
}
