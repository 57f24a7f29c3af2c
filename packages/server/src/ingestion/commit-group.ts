import type { EventBatchWrite, IngestionStore, WriteOutcome } from '../store'

/** What became of one request's batch in a group commit: its events' outcomes, or why it was not written. */
export type BatchCommit = { outcomes: WriteOutcome[] } | { error: string }

/**
 * Writes many requests' batches in one transaction, so one durable commit acknowledges them all. Should one batch
 * break the shared transaction (nothing of it was kept), each batch is written alone, so only that one fails.
 *
 * @example
 * const [first, second] = commitGroup(store, [batchOfRequestA, batchOfRequestB]) // { outcomes: ['created', …] }
 */
export function commitGroup(store: IngestionStore, batches: readonly EventBatchWrite[]): BatchCommit[] {
  try {
    return store.write(batches).map((outcomes) => ({ outcomes }))
  } catch {
    return batches.map((batch) => {
      try {
        return { outcomes: store.write([batch])[0]! }
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) }
      }
    })
  }
}
