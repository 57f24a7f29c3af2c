import type { EventBatchWrite, EventWrite, WriteOutcome } from '../store'
import type { EventWriter } from './event-writer'

type Pending = { batch: EventBatchWrite; resolve: (outcomes: WriteOutcome[]) => void; reject: (error: unknown) => void }

export type CommitListener = (appIds: ReadonlySet<number>) => void

/**
 * When the customers' sort keys are refreshed in the background: once ingestion has been quiet for `idleMs`, or
 * `maxStaleMs` after the first commit they miss even if it never is. A refresh holds the writer for about 4 µs per
 * customer who bought, so under load it is put off and done in one go (a read sorted by them refreshes first anyway).
 */
export const RANKING_REFRESH = { idleMs: 250, maxStaleMs: 10_000 } as const

/**
 * Owns the write path of ingestion. Requests hand over their validated events and wait. One group commit is in
 * the writer at a time; everything handed over meanwhile (or in the same turn of the event loop, when the writer
 * is idle) goes into the next one, so one durable commit acknowledges many requests and the groups grow with the
 * load. A request is answered only after its events are committed.
 *
 * @example
 * const ingestion = new IngestionService(new InThreadWriter(stores.ingestion, stores.ranking))
 * const outcomes = await ingestion.write(app.id, app.currency, events) // ['created', 'duplicate', ...]
 */
export class IngestionService {
  #pending: Pending[] = []
  #scheduled = false
  #writing = false
  #rankingTimer: NodeJS.Timeout | undefined
  /** When the first commit the sort keys have not caught up with was made. */
  #unrankedSince: number | undefined
  #whenDrained: (() => void)[] = []
  readonly #listeners = new Set<CommitListener>()

  constructor(private readonly writer: EventWriter) {}

  write(appId: number, appCurrency: string, events: readonly EventWrite[]): Promise<WriteOutcome[]> {
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

  /** Commits what is pending, refreshes the sort keys if due, and stops the writer. */
  async close(): Promise<void> {
    await this.drained()
    if (this.#unrankedSince !== undefined) await this.#refreshRanking()
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
      this.#scheduleRankingRefresh()
    }
    this.#writing = false
    for (const resolve of this.#whenDrained.splice(0)) resolve()
  }

  #scheduleRankingRefresh(): void {
    const now = Date.now()
    this.#unrankedSince ??= now
    clearTimeout(this.#rankingTimer)
    if (now - this.#unrankedSince >= RANKING_REFRESH.maxStaleMs) {
      void this.#refreshRanking()
      return
    }
    this.#rankingTimer = setTimeout(() => void this.#refreshRanking(), RANKING_REFRESH.idleMs)
    this.#rankingTimer.unref()
  }

  async #refreshRanking(): Promise<void> {
    clearTimeout(this.#rankingTimer)
    this.#rankingTimer = undefined
    this.#unrankedSince = undefined
    // A failure leaves the watermark where it was: the next refresh, or the next sorted read, catches up.
    await this.writer.refreshRanking().catch(() => {})
  }
}
