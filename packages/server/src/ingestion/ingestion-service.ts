import type { EventBatchWrite, EventWrite, IngestionStore, WriteOutcome } from '../store'

type Pending = { batch: EventBatchWrite; resolve: (outcomes: WriteOutcome[]) => void; reject: (error: unknown) => void }

export type CommitListener = (appIds: ReadonlySet<number>) => void

/**
 * Owns the write path of ingestion. Requests hand over their validated events and wait; everything handed over
 * in the same turn of the event loop is written in one transaction (group commit), so one durable commit
 * acknowledges many requests. A request is answered only after its events are committed.
 *
 * @example
 * const outcomes = await ingestion.write(app.id, app.currency, events) // ['created', 'duplicate', ...]
 */
export class IngestionService {
  #pending: Pending[] = []
  #scheduled = false
  #idle: Promise<void> = Promise.resolve()
  #markIdle: () => void = () => {}
  readonly #listeners = new Set<CommitListener>()

  constructor(private readonly store: IngestionStore) {}

  write(appId: number, appCurrency: string, events: readonly EventWrite[]): Promise<WriteOutcome[]> {
    if (events.length === 0) return Promise.resolve([])
    return new Promise((resolve, reject) => {
      this.#pending.push({ batch: { appId, appCurrency, receivedAt: Date.now(), events }, resolve, reject })
      if (!this.#scheduled) {
        this.#scheduled = true
        this.#idle = new Promise((done) => (this.#markIdle = done))
        setImmediate(() => this.#commit())
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
    return this.#scheduled ? this.#idle : Promise.resolve()
  }

  #commit(): void {
    const pending = this.#pending
    this.#pending = []
    this.#scheduled = false
    try {
      const outcomes = this.store.write(pending.map((item) => item.batch))
      pending.forEach((item, index) => item.resolve(outcomes[index]!))
    } catch {
      // One batch broke the shared transaction (nothing of it was kept): write each alone so only it fails.
      for (const item of pending) {
        try {
          item.resolve(this.store.write([item.batch])[0]!)
        } catch (error) {
          item.reject(error)
        }
      }
    } finally {
      this.#markIdle()
    }
    const appIds = new Set(pending.map((item) => item.batch.appId))
    for (const listener of this.#listeners) listener(appIds)
  }
}
