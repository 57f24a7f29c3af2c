import { batchBody } from '../delivery/batch-body'
import type { QueuedEvent } from '../queue/event-queue'

// Browsers cap the bytes of all beacons in flight at 64 KiB; stay under it with room for the envelope.
const BEACON_BYTES = 60_000
const BATCH_EVENTS = 1000

/**
 * Sends `events` with `navigator.sendBeacon` in batches that fit its quota. A string body goes as
 * `text/plain`, a CORS-safelisted type, so there is no preflight; the publishable key rides in the body.
 * Returns how many events were handed to the browser (which does not say whether they arrived).
 *
 * @example sendWithBeacon('https://crm.example.com/v1/batch', queue.snapshot(), 'crm_pk_…')
 */
export function sendWithBeacon(url: string, events: readonly QueuedEvent[], key: string): number {
  let start = 0
  while (start < events.length) {
    let end = start
    let bytes = 0
    while (end < events.length && end - start < BATCH_EVENTS && (end === start || bytes + events[end]!.bytes < BEACON_BYTES))
      bytes += events[end++]!.bytes + 1
    if (!navigator.sendBeacon(url, batchBody(events.slice(start, end), key))) break
    start = end
  }
  return start
}
