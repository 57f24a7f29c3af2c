/** A serialized event waiting for delivery; `bytes` is its exact UTF-8 size. */
export interface QueuedEvent {
  readonly id: string
  readonly body: string
  readonly bytes: number
}

/** The queue's bounds; events in flight count against them until they settle. */
export interface QueueLimits {
  maxQueueEvents: number
  maxQueueBytes: number
}

/** A bounded FIFO of events: waiting ones and the batch in flight. */
export interface EventQueue {
  /** Events held: waiting plus in flight. */
  readonly size: number
  readonly bytes: number
  readonly waiting: number
  /** Adds `event` unless a bound would be passed; then it returns false and holds nothing. */
  push(event: QueuedEvent): boolean
  /** Moves the oldest waiting events into flight: at most `maxEvents`, and at most `maxBytes` counting a separator per event, but always one. */
  take(maxEvents: number, maxBytes: number): QueuedEvent[]
  /** Forgets events that were delivered or given up. */
  settle(events: readonly QueuedEvent[]): void
  /** Everything held, oldest first (for persistence and the page-hide beacon). */
  snapshot(): QueuedEvent[]
}

/**
 * Creates the bounded queue. The drop policy lives in the caller: a push over a bound refuses the new event,
 * so events already accepted (and perhaps half-delivered) are never thrown away to make room.
 *
 * @example
 * const queue = createEventQueue({ maxQueueEvents: 10_000, maxQueueBytes: 5 * 1024 * 1024 })
 * queue.push({ id, body, bytes })
 */
export function createEventQueue(limits: QueueLimits): EventQueue {
  // A head index instead of shift()/splice(): taking a batch stays O(batch) however long the queue is.
  let waiting: QueuedEvent[] = []
  let head = 0
  const inFlight = new Set<QueuedEvent>()
  let bytes = 0
  return {
    get size() {
      return waiting.length - head + inFlight.size
    },
    get bytes() {
      return bytes
    },
    get waiting() {
      return waiting.length - head
    },
    push(event) {
      if (waiting.length - head + inFlight.size >= limits.maxQueueEvents || bytes + event.bytes > limits.maxQueueBytes) return false
      waiting.push(event)
      bytes += event.bytes
      return true
    },
    take(maxEvents, maxBytes) {
      let count = 0
      let total = 0
      for (let index = head; index < waiting.length && count < maxEvents; index++, count++) {
        total += waiting[index]!.bytes + 1
        if (count > 0 && total > maxBytes) break
      }
      const batch = waiting.slice(head, head + count)
      head += count
      if (head > 1024 && head * 2 > waiting.length) {
        waiting = waiting.slice(head)
        head = 0
      }
      for (const event of batch) inFlight.add(event)
      return batch
    },
    settle(events) {
      for (const event of events) if (inFlight.delete(event)) bytes -= event.bytes
    },
    snapshot() {
      return [...inFlight, ...waiting.slice(head)]
    },
  }
}
