/**
 * Autosaving a studio draft that two authors may edit (ADR 0020): a save waits for typing to pause, names the draft
 * version it started from, and never overlaps another save. When someone else saved meanwhile, nothing more is sent
 * until the author chooses (their text or mine): no edit is lost and none is silently overwritten. Pure apart from
 * the injectable timer, so it is unit-tested with fake timers.
 */
export type SaveAnswer<Other> =
  { status: 'saved'; draftVersion: number; savedAt: string } | { status: 'conflict'; current: Other } | { status: 'failed' }

export type AutosaveState<Other> =
  | { kind: 'saved'; version: number; savedAt: string }
  | { kind: 'unsaved'; version: number }
  | { kind: 'saving'; version: number }
  | { kind: 'conflict'; version: number; other: Other }
  | { kind: 'failed'; version: number }

export interface AutosaveOptions<Texts, Other> {
  delayMs: number
  version: number
  savedAt: string
  save(texts: Texts, baseVersion: number): Promise<SaveAnswer<Other>>
  onChange(state: AutosaveState<Other>): void
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export class VersionedAutosave<Texts, Other extends { draftVersion: number }> {
  private state: AutosaveState<Other>
  private pending: Texts | null = null
  private timer: unknown = null
  private inFlight: Promise<void> | null = null
  private readonly options: AutosaveOptions<Texts, Other>

  constructor(options: AutosaveOptions<Texts, Other>) {
    this.options = options
    this.state = { kind: 'saved', version: options.version, savedAt: options.savedAt }
  }

  get current(): AutosaveState<Other> {
    return this.state
  }

  /** The draft version the editor's text is based on (what publish and restore name). */
  get version(): number {
    return this.state.version
  }

  /** The author changed the text: save it once typing pauses (not while a conflict waits for their choice). */
  edit(texts: Texts): void {
    this.pending = texts
    if (this.state.kind === 'conflict') return
    if (this.state.kind !== 'saving') this.set({ kind: 'unsaved', version: this.state.version })
    this.stopTimer()
    this.timer = (this.options.setTimer ?? ((run, ms) => setTimeout(run, ms)))(() => {
      this.timer = null
      void this.send()
    }, this.options.delayMs)
  }

  /** Saves what is pending now and waits; true when everything typed is saved (false on a conflict or failure). */
  async flush(): Promise<boolean> {
    this.stopTimer()
    while (this.inFlight) await this.inFlight
    if (this.pending !== null && this.state.kind !== 'conflict') await this.send()
    while (this.inFlight) await this.inFlight
    return this.state.kind === 'saved'
  }

  /** After a conflict: keep my text (saved over theirs, knowingly) — base it on their version and save. */
  async keepMine(): Promise<boolean> {
    if (this.state.kind !== 'conflict') return this.flush()
    this.set({ kind: 'unsaved', version: this.state.other.draftVersion })
    return this.flush()
  }

  /**
   * Someone else saved since this version, found out by a publish or restore (not by a save): the same state as a
   * save's conflict, so the author's choice (theirs or mine) works the same.
   */
  conflictWith(other: Other): void {
    this.stopTimer()
    if (this.state.kind !== 'conflict') this.set({ kind: 'conflict', version: this.state.version, other })
  }

  /** After a conflict: take their text; the caller puts `other`'s texts into the editor. */
  takeTheirs(savedAt: string): void {
    if (this.state.kind !== 'conflict') return
    this.pending = null
    this.set({ kind: 'saved', version: this.state.other.draftVersion, savedAt })
  }

  /** The server moved the draft on by itself (a restore): continue from that version. */
  rebase(version: number, savedAt: string): void {
    this.pending = null
    this.stopTimer()
    this.set({ kind: 'saved', version, savedAt })
  }

  private async send(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight
      if (this.timer === null && this.pending !== null && this.state.kind !== 'conflict') return this.send()
      return
    }
    const texts = this.pending
    if (texts === null) return
    this.pending = null
    const base = this.state.version
    this.set({ kind: 'saving', version: base })
    this.inFlight = (async () => {
      let answer: SaveAnswer<Other>
      try {
        answer = await this.options.save(texts, base)
      } catch {
        answer = { status: 'failed' }
      }
      if (answer.status === 'saved') {
        this.set(
          this.pending === null
            ? { kind: 'saved', version: answer.draftVersion, savedAt: answer.savedAt }
            : { kind: 'unsaved', version: answer.draftVersion },
        )
      } else if (answer.status === 'conflict') {
        this.pending ??= texts
        this.set({ kind: 'conflict', version: base, other: answer.current })
      } else {
        this.pending ??= texts // tried again with the next edit or flush
        this.set({ kind: 'failed', version: base })
      }
    })()
    await this.inFlight
    this.inFlight = null
    // typed while saving, and the pause already passed: save that too
    if (this.pending !== null && this.timer === null && this.state.kind === 'unsaved') await this.send()
  }

  private set(state: AutosaveState<Other>): void {
    this.state = state
    this.options.onChange(state)
  }

  private stopTimer(): void {
    if (this.timer === null) return
    ;(this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)))(this.timer)
    this.timer = null
  }
}
