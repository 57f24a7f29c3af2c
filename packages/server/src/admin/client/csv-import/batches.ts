import type { RowEvent } from './import-types'

/** An event to send, with the file it came from. */
export type PlannedEvent = RowEvent & { file: string }

export type BatchLimits = { maxEvents: number; maxBytes: number }

// The contract allows 1000 events and 1 MiB a request; half the events keeps the progress bar moving, and the bytes
// leave room for the envelope.
const LIMITS: BatchLimits = { maxEvents: 500, maxBytes: 1_000_000 }
const RANK: Record<string, number> = { user: 0, purchase: 1, refund: 2, event: 3 }
const encoder = new TextEncoder()

/**
 * Splits the files' events into `/v1/batch` requests within the contract's limits, users first, then purchases,
 * refunds and events, each in file order: a refund of an order must reach the server after the order, and a
 * customer's name before the purchases that would otherwise create them nameless.
 *
 * @example
 * planBatches([{ name: 'a.csv', events }]) // [[{ file: 'a.csv', line: 2, rows: 1, event: { type: 'user', … } }, …], …]
 */
export function planBatches(files: readonly { name: string; events: readonly RowEvent[] }[], limits: BatchLimits = LIMITS): PlannedEvent[][] {
  const planned = files
    .flatMap((file) => file.events.map((made) => ({ ...made, file: file.name })))
    .sort((a, b) => (RANK[String(a.event.type)] ?? 9) - (RANK[String(b.event.type)] ?? 9))
  const batches: PlannedEvent[][] = []
  let current: PlannedEvent[] = []
  let bytes = 0
  for (const made of planned) {
    // One more byte for the comma between events.
    const size = encoder.encode(JSON.stringify(made.event)).length + 1
    if (current.length > 0 && (current.length === limits.maxEvents || bytes + size > limits.maxBytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(made)
    bytes += size
  }
  if (current.length > 0) batches.push(current)
  return batches
}
