/**
 * When a worker thread starts a grade, told through memory both threads share instead of a message: the pool
 * hands each grade a slot (and a ticket), the worker writes the time it starts into that slot, and one timer in
 * the pool reads the slots of the grades in flight. Before, each grade carried a MessageChannel for this: a port
 * created, transferred, received in the worker, answered and closed, about 4 % of the request thread's time and 5 %
 * of a worker's under the load test (docs/benchmarks.md). No `server-only`: the worker bundle imports it.
 *
 * A slot holds -ticket while its grade waits, then the time (Date.now(), ms) it started. The worker writes only if
 * the slot still waits for its own ticket, so a worker that took up a grade just as the pool gave up on it cannot
 * mark the next grade given that slot as started.
 */

/** What a task carries to find its slot. */
export interface StartTicket {
  slot: number
  ticket: number
}

/** The worker's side: the grade with this ticket starts now. */
export function markStarted(stamps: BigInt64Array, { slot, ticket }: StartTicket, now = Date.now()): void {
  Atomics.compareExchange(stamps, slot, -BigInt(ticket), BigInt(now))
}

/** The pool's side: the slots, the free ones, and the tickets. */
export class StartStamps {
  readonly buffer: SharedArrayBuffer
  private readonly stamps: BigInt64Array
  private readonly free: number[]
  private nextTicket = 1

  constructor(slots: number) {
    this.buffer = new SharedArrayBuffer(slots * BigInt64Array.BYTES_PER_ELEMENT)
    this.stamps = new BigInt64Array(this.buffer)
    this.free = Array.from({ length: slots }, (_, i) => slots - 1 - i)
  }

  /** A slot for a grade about to be queued; null when every slot is taken. */
  take(): StartTicket | null {
    const slot = this.free.pop()
    if (slot === undefined) return null
    const ticket = this.nextTicket++
    Atomics.store(this.stamps, slot, -BigInt(ticket))
    return { slot, ticket }
  }

  /** When the grade holding this slot started (ms, Date.now()), or null while it waits: only its worker writes it. */
  startedAt({ slot }: StartTicket): number | null {
    const value = Atomics.load(this.stamps, slot)
    return value > 0n ? Number(value) : null
  }

  release({ slot }: StartTicket): void {
    Atomics.store(this.stamps, slot, 0n)
    this.free.push(slot)
  }
}
