/**
 * The abuse limits (ADR 0015), on rate-limiter-flexible with counters in the database (its Prisma store, table
 * RateLimit) or in Redis, so every Kubelab instance on one database or one Redis counts together. Each limit
 * answers the seconds to wait (0: go ahead) and records its refusals (recordRefusal). A store that fails falls
 * back to counting in this process's memory (the library's insurance limiter), so an outage of the store
 * neither opens the limits completely nor takes the site down.
 */
import { createHash } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'
import type { Redis } from 'ioredis'
import type { Db } from '../db/client.ts'
import { addressKey } from './client-address.ts'
import { recordRefusal, type LimitName } from './refusals.ts'
import { RateLimiterSqlite } from './sqlite-store.ts'
import type { Backoff, Rate } from './spec.ts'

export type LimitStore = { kind: 'database'; db: Db } | { kind: 'redis'; client: Redis } | { kind: 'memory' }

export interface LimitSettings {
  /** failures per account before the backoff starts, and how long failures are remembered */
  signInAccount: Rate | null
  signInBackoff: Backoff
  /** failed sign-ins per address */
  signInAddress: Rate | null
  signUpAddress: Rate | null
  /** grades by a signed-in user */
  gradeUser: Rate | null
  /** grades by visitors, per address */
  gradeAddress: Rate | null
  quizUser: Rate | null
  importUser: Rate | null
}

/** Seconds to wait, from a store's milliseconds: at least one (a 0 would read as "go ahead"). */
export const waitSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

/** Accounts are keyed by a hash of the email: the store and the log hold no email, known or not. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)
}

function build(store: LimitStore, prefix: string, name: string, rate: Rate, cleanup = false): RateLimiterAbstract {
  const base = { keyPrefix: `${prefix}:${name}`, points: rate.points, duration: rate.seconds }
  if (store.kind === 'memory') return new RateLimiterMemory(base)
  const insuranceLimiter = new RateLimiterMemory(base)
  if (store.kind === 'database') {
    // `tableName` is the Prisma client's accessor of model RateLimit; one limiter sweeps expired rows for all.
    // RateLimiterPrisma, with prepared statements on SQLite (sqlite-store.ts).
    return new RateLimiterSqlite({
      ...base,
      storeClient: store.db,
      tableName: 'rateLimit',
      clearExpiredByTimeout: cleanup,
      insuranceLimiter,
    } as never)
  }
  return new RateLimiterRedis({ ...base, storeClient: store.client, rejectIfRedisNotReady: true, insuranceLimiter })
}

function refuse(limit: LimitName, key: string, ms: number): number {
  const seconds = waitSeconds(ms)
  recordRefusal(limit, key, seconds)
  return seconds
}

/** One counter: so many actions per window by one key. */
export class Limit {
  constructor(
    readonly name: LimitName,
    private readonly limiter: RateLimiterAbstract | null,
  ) {}

  /** Counts one action; the seconds to wait when the window's points are spent (0: go ahead). */
  async consume(key: string): Promise<number> {
    if (!this.limiter) return 0
    try {
      await this.limiter.consume(key)
      return 0
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return refuse(this.name, key, rejection.msBeforeNext)
      throw rejection
    }
  }
}

/**
 * Sign-in: per account, the first failures are free, then each further attempt waits a growing backoff (the
 * first wait, doubled after each failure, up to the longest); per address, at most so many failures in a
 * window. Unknown emails are counted exactly like known ones (keyed by the email's hash), so the answers and
 * their timing do not tell them apart. An attempt is counted as a failure when it starts and taken back by
 * `succeeded`, so the counting is atomic in the store and needs one call before the password is checked.
 */
export class SignInLimits {
  private readonly fails: RateLimiterAbstract | null
  private readonly lock: RateLimiterAbstract | null
  private readonly byAddress: RateLimiterAbstract | null

  constructor(
    store: LimitStore,
    prefix: string,
    private readonly account: Rate | null,
    private readonly backoff: Backoff,
    private readonly address: Rate | null,
  ) {
    this.fails = account && build(store, prefix, 'signin-fails', account, true)
    // one point per backoff period: the attempt that takes it goes ahead, any other waits for the period's end
    this.lock = account && build(store, prefix, 'signin-lock', { points: 1, seconds: backoff.maxSeconds })
    this.byAddress = address && build(store, prefix, 'signin-address', address)
  }

  /** The wait after `failures` failures (the first wait once the free ones are spent, then doubling). */
  backoffSeconds(failures: number): number {
    const free = this.account?.points ?? 0
    const doublings = Math.min(Math.max(0, failures - free), 30)
    return Math.min(this.backoff.maxSeconds, this.backoff.firstSeconds * 2 ** doublings)
  }

  /** Seconds this attempt must wait before the password may be checked; 0 to go ahead. */
  async consume(email: string, address: string): Promise<number> {
    const account = accountKey(email)
    const where = addressKey(address)
    const [locked, fromAddress] = await Promise.all([this.lock?.get(account), this.byAddress?.get(where)])
    if (locked && locked.consumedPoints >= 1 && locked.msBeforeNext > 0)
      return refuse('signin-account', `account:${account}`, locked.msBeforeNext)
    if (fromAddress && this.address && fromAddress.consumedPoints >= this.address.points && fromAddress.msBeforeNext > 0)
      return refuse('signin-address', where, fromAddress.msBeforeNext)
    const [failed] = await Promise.all([this.fails?.penalty(account), this.byAddress?.penalty(where)])
    const failures = failed?.consumedPoints ?? 0
    if (!this.fails || !this.lock || failures < this.account!.points) return 0
    // From the last free failure on, each attempt claims the next backoff period; of attempts sent at once,
    // one wins and the others are refused and not counted.
    const claim = await this.lock.penalty(account, 1, { customDuration: this.backoffSeconds(failures) })
    if (claim.consumedPoints === 1) return 0
    await Promise.all([this.fails.reward(account), this.takeBackAddress(where)])
    return refuse('signin-account', `account:${account}`, claim.msBeforeNext)
  }

  /** The password was right: the account's failures are forgiven, and this attempt is not one for the address. */
  async succeeded(email: string, address: string | null): Promise<void> {
    const account = accountKey(email)
    await Promise.all([
      this.fails?.delete(account),
      this.lock?.delete(account),
      address === null ? undefined : this.takeBackAddress(addressKey(address)),
    ])
  }

  private async takeBackAddress(where: string): Promise<void> {
    if (!this.byAddress) return
    const counted = await this.byAddress.get(where)
    if (counted && counted.consumedPoints > 0) await this.byAddress.reward(where)
  }
}

export function createLimits(store: LimitStore, settings: LimitSettings, prefix = 'kl') {
  const limit = (name: LimitName, rate: Rate | null) => new Limit(name, rate && build(store, prefix, name, rate))
  const gradeUser = limit('grade-user', settings.gradeUser)
  const gradeAddress = limit('grade-address', settings.gradeAddress)
  const signUp = limit('signup-address', settings.signUpAddress)
  const quiz = limit('quiz-user', settings.quizUser)
  const imports = limit('import-user', settings.importUser)
  return {
    signIn: new SignInLimits(store, prefix, settings.signInAccount, settings.signInBackoff, settings.signInAddress),
    /** accounts created from one address */
    signUp: { consume: (address: string) => signUp.consume(addressKey(address)) },
    /** a signed-in learner's grades per user; a visitor's per address */
    grade: {
      consume: (viewer: { id: string } | null, address: string) =>
        viewer ? gradeUser.consume(`user:${viewer.id}`) : gradeAddress.consume(addressKey(address)),
    },
    quiz: { consume: (userId: string) => quiz.consume(`user:${userId}`) },
    import: { consume: (userId: string) => imports.consume(`user:${userId}`) },
  }
}

export type Limits = ReturnType<typeof createLimits>
