import type { EventBatchWrite, EventWrite, WriteOutcome } from '../store'
import type { EventWriter } from './event-writer'

type Pending = { batch: EventBatchWrite; resolve: (outcomes: WriteOutcome[]) => void; reject: (error: unknown) => void }

export type CommitListener = (appIds: ReadonlySet<number>) => void

/**
 * When the customers' totals are refreshed in the background: once ingestion has been quiet for `idleMs`, or
 * `maxStaleMs` after the first commit they miss even if it never is. A refresh holds the writer for a few µs per
 * customer who bought and under 1 µs per purchase (its place in `customer_purchases`), so under load it is put off
 * and done in one go: ~1.7 s after 10 s of 100 000 purchases a second, in two parts with the commits waiting let in
 * between (`WriterThread.refreshTotals`). Reads of customers are exact anyway: a list
 * refreshes first, one customer adds its own new purchases (and refreshes first when over 10 000 wait), both through
 * `refreshTotals()`, so on the writer too.
 */
export const TOTALS_REFRESH = { idleMs: 250, maxStaleMs: 10_000 } as const

/**
 * Owns the write path of ingestion. Requests hand over their validated events and wait. One group commit is in
 * the writer at a time; everything handed over meanwhile (or in the same turn of the event loop, when the writer
 * is idle) goes into the next one, so one durable commit acknowledges many requests and the groups grow with the
 * load. A request is answered only after its events are committed.
 *
 * @example
 * const ingestion = new IngestionService(new InThreadWriter(stores.ingestion, stores.totals))
 * const outcomes = await ingestion.write(app.id, app.currency, events) // ['created', 'duplicate', ...]
 */
export class IngestionService {
  #pending: Pending[] = []
  #scheduled = false
  #writing = false
  #totalsTimer: NodeJS.Timeout | undefined
  /** When the first commit the totals have not caught up with was made. */
  #staleSince: number | undefined
  #whenDrained: (() => void)[] = []
  readonly #listeners = new Set<CommitListener>()

  constructor(private readonly writer: EventWriter) {}

  write(appId: number, appCurrency: string, events: readonly EventWrite[]): Promise<WriteOutcome[]> {
    // The writer may have finished its group while this request was parsed: take its answer now, so that this
    // request and the others waiting go to it in the next group without a turn of the event loop in between.
    this.writer.takeReplies?.()
    if (events.length === 0) return Promise.resolve([])
    return new Promise((resolve, reject) => {
      this.#pending.push({ batch: { appId, appCurrency, receivedAt: Date.now(), events }, resolve, reject })
      if (!this.#scheduled && !this.#writing) {
        this.#scheduled = true
        setImmediate(() => void this.#commit())
      }
    })
  }

  /** Called after each commit with the apps that received data (for background work such as insights). */
  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Resolves when everything handed over so far is committed (used at shutdown). */
  drained(): Promise<void> {
    if (!this.#scheduled && !this.#writing) return Promise.resolve()
    return new Promise((resolve) => this.#whenDrained.push(resolve))
  }

  /**
   * Brings the customers' totals up to date now, on the writer, after the writes handed over before. Rejects when
   * the refresh fails (the background refresh retries later).
   *
   * @example
   * await ingestion.refreshTotals() // then a list of customers shows every purchase acknowledged so far
   */
  async refreshTotals(): Promise<void> {
    clearTimeout(this.#totalsTimer)
    this.#totalsTimer = undefined
    this.#staleSince = undefined
    await this.writer.refreshTotals()
  }

  /** Commits what is pending, refreshes the totals if due, and stops the writer. */
  async close(): Promise<void> {
    await this.drained()
    if (this.#staleSince !== undefined) await this.refreshTotals().catch(() => {})
    await this.writer.close()
  }

  async #commit(): Promise<void> {
    this.#scheduled = false
    this.#writing = true
    while (this.#pending.length > 0) {
      const pending = this.#pending
      this.#pending = []
      try {
        const commits = await this.writer.write(pending.map((item) => item.batch))
        pending.forEach((item, index) => {
          const commit = commits[index]!
          if ('outcomes' in commit) item.resolve(commit.outcomes)
          else item.reject(new Error(commit.error))
        })
      } catch (error) {
        for (const item of pending) item.reject(error)
      }
      const appIds = new Set(pending.map((item) => item.batch.appId))
      for (const listener of this.#listeners) listener(appIds)
      this.#scheduleTotalsRefresh()
    }
    this.#writing = false
    for (const resolve of this.#whenDrained.splice(0)) resolve()
  }

  #scheduleTotalsRefresh(): void {
    const now = Date.now()
    this.#staleSince ??= now
    clearTimeout(this.#totalsTimer)
    if (now - this.#staleSince >= TOTALS_REFRESH.maxStaleMs) {
      this.#refreshInBackground()
      return
    }
    this.#totalsTimer = setTimeout(() => this.#refreshInBackground(), TOTALS_REFRESH.idleMs)
    this.#totalsTimer.unref()
  }

  #refreshInBackground(): void {
    // A failure leaves the watermark where it was: the next refresh, or the next list of customers, catches up.
    this.refreshTotals().catch(() => {})
  }
}
