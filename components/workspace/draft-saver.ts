/**
 * Saving the learner's text without getting in their way: each save waits until typing pauses for `delayMs`
 * (debounce), skips text already saved, and `flush` sends what is pending at once (the page is being hidden or
 * left). Pure, with the timer functions injectable, so the timing is unit-tested with fake timers.
 */
export interface SaveContext {
  /** true when flushed because the page is going away: the request must survive it (keepalive) */
  leavingPage: boolean
}

export interface DraftSaverOptions {
  delayMs: number
  save(text: string, context: SaveContext): void | Promise<void>
  /** The text the destination already holds (nothing is sent until it differs). */
  alreadySaved?: string | null
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export class DraftSaver {
  private pending: string | null = null
  private timer: unknown = null
  private saved: string | null
  private readonly options: DraftSaverOptions

  constructor(options: DraftSaverOptions) {
    this.options = options
    this.saved = options.alreadySaved ?? null
  }

  /** A new text: save it once typing has paused for `delayMs`. */
  schedule(text: string): void {
    this.pending = text
    this.stopTimer()
    const setTimer = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms))
    this.timer = setTimer(() => {
      this.timer = null
      this.send({ leavingPage: false })
    }, this.options.delayMs)
  }

  /** Saves what is pending now (no-op when nothing is). */
  flush(context: SaveContext = { leavingPage: false }): void {
    this.stopTimer()
    this.send(context)
  }

  get hasPending(): boolean {
    return this.pending !== null && this.pending !== this.saved
  }

  /** Forgets the pending text without saving it. */
  cancel(): void {
    this.stopTimer()
    this.pending = null
  }

  private stopTimer(): void {
    if (this.timer === null) return
    const clearTimer = this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>))
    clearTimer(this.timer)
    this.timer = null
  }

  private send(context: SaveContext): void {
    const text = this.pending
    this.pending = null
    if (text === null || text === this.saved) return
    const previous = this.saved
    this.saved = text
    try {
      const done = this.options.save(text, context)
      // A failed save is tried again with the next change or flush.
      if (done) done.catch(() => this.failed(text, previous))
    } catch {
      this.failed(text, previous)
    }
  }

  private failed(text: string, previous: string | null): void {
    if (this.saved !== text) return // a newer text was saved meanwhile
    this.saved = previous
    this.pending ??= text
  }
}

/** The text the editor opens with: this browser's draft, else the one saved on the server, else the starter. */
export function initialDraftText({ local, server, starter }: { local: string | null; server: string | null; starter: string }): string {
  return local ?? server ?? starter
}
