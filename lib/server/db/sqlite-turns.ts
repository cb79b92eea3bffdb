/**
 * One SQLite connection serves every request of the process, and a transaction on it is the connection's state, not
 * a request's: while one request's interactive transaction is open (BEGIN … awaits … COMMIT), a statement another
 * request sends on the same connection runs inside it. Prisma's better-sqlite3 adapter (7.10) locks transactions
 * against each other but lets plain queries through, so a lesson marked as opened, a saved draft or a rate-limit
 * counter written meanwhile became part of the other request's transaction: answered as saved, then lost when that
 * transaction rolled back, and other requests read its uncommitted rows.
 *
 * Here every use of the connection takes a turn: a transaction from BEGIN until its commit or rollback, a plain query
 * for the moment it runs (better-sqlite3 runs it synchronously). Turns are given in order of arrival, so a steady
 * stream of transactions cannot starve plain queries. With no transaction open a query runs at once, as before.
 */

/** The parts of Prisma's adapter (@prisma/driver-adapter-utils' SqlDriverAdapter) that reach the connection. */
interface TurnTakingAdapter {
  queryRaw(query: unknown): Promise<unknown>
  executeRaw(query: unknown): Promise<number>
  executeScript(script: string): Promise<void>
  startTransaction(isolationLevel?: unknown): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>
}

/** A first-come, first-served lock; `tryTake` takes a free one without waiting a tick. */
export class Turns {
  private held = false
  private readonly waiting: Array<() => void> = []

  tryTake(): boolean {
    if (this.held) return false
    this.held = true
    return true
  }

  take(): Promise<void> {
    if (this.tryTake()) return Promise.resolve()
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  /** Hands the turn to the next in line, if any (it stays held for them). */
  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.held = false
  }

  get queued(): number {
    return this.waiting.length
  }
}

/**
 * Makes a connected adapter take turns on its connection (in place, and returns it). Transactions keep the turn
 * from start to commit or rollback; what runs inside them goes through the transaction object, not through the
 * adapter, so it never waits for its own transaction.
 */
export function takingTurns<A extends object>(connected: A, turns = new Turns()): A {
  const adapter = connected as unknown as TurnTakingAdapter
  const queryRaw = adapter.queryRaw.bind(adapter)
  const executeRaw = adapter.executeRaw.bind(adapter)
  const executeScript = adapter.executeScript.bind(adapter)
  const startTransaction = adapter.startTransaction.bind(adapter)

  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (!turns.tryTake()) await turns.take()
    try {
      return await work()
    } finally {
      turns.give()
    }
  }

  adapter.queryRaw = (query) => inTurn(() => queryRaw(query))
  adapter.executeRaw = (query) => inTurn(() => executeRaw(query))
  adapter.executeScript = (script) => inTurn(() => executeScript(script))
  adapter.startTransaction = async (isolationLevel) => {
    await turns.take()
    let transaction: Awaited<ReturnType<TurnTakingAdapter['startTransaction']>>
    try {
      transaction = await startTransaction(isolationLevel)
    } catch (error) {
      turns.give()
      throw error
    }
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      turns.give()
    }
    const commit = transaction.commit.bind(transaction)
    const rollback = transaction.rollback.bind(transaction)
    transaction.commit = () => commit().finally(end)
    transaction.rollback = () => rollback().finally(end)
    return transaction
  }
  return connected
}
