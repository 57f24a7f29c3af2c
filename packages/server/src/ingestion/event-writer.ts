import type { CustomerTotalsStore, EventBatchWrite, IngestionStore } from '../store'
import { commitGroup, type BatchCommit } from './commit-group'

/** Where the ingestion service sends its group commits: this thread, or the writer thread. */
export interface EventWriter {
  /** Commits the batches in one transaction and answers each batch's fate. */
  write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]>
  /** Brings the customers' purchase totals up to date; resolves with how many customers changed. */
  refreshTotals(): Promise<number>
  /** Settles at once the writes already answered (a writer on another thread); optional. */
  takeReplies?(): void
  close(): Promise<void>
}

/**
 * Writes on the calling thread, over the caller's connection: for in-memory databases (which a second connection
 * cannot open) and when the writer thread cannot run.
 *
 * @example
 * const writer = new InThreadWriter(stores.ingestion, stores.totals)
 * const [commit] = await writer.write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events }])
 */
export class InThreadWriter implements EventWriter {
  constructor(
    private readonly store: IngestionStore,
    private readonly totals: CustomerTotalsStore,
  ) {}

  async write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]> {
    return commitGroup(this.store, batches)
  }

  async refreshTotals(): Promise<number> {
    return this.totals.refresh()
  }

  async close(): Promise<void> {}
}
