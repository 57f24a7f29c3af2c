import type { CustomerRankingStore, EventBatchWrite, IngestionStore } from '../store'
import { commitGroup, type BatchCommit } from './commit-group'

/** Where the ingestion service sends its group commits: this thread, or the writer thread. */
export interface EventWriter {
  /** Commits the batches in one transaction and answers each batch's fate. */
  write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]>
  /** Brings the customers' revenue and last-purchase sort keys up to date; resolves with how many moved. */
  refreshRanking(): Promise<number>
  close(): Promise<void>
}

/**
 * Writes on the calling thread, over the caller's connection: for in-memory databases (which a second connection
 * cannot open) and when the writer thread cannot run.
 *
 * @example
 * const writer = new InThreadWriter(stores.ingestion, stores.ranking)
 * const [commit] = await writer.write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events }])
 */
export class InThreadWriter implements EventWriter {
  constructor(
    private readonly store: IngestionStore,
    private readonly ranking: CustomerRankingStore,
  ) {}

  async write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]> {
    return commitGroup(this.store, batches)
  }

  async refreshRanking(): Promise<number> {
    return this.ranking.refresh()
  }

  async close(): Promise<void> {}
}
