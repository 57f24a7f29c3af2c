import { persistPage } from '../browser/page-persistence'
import { batchBody } from '../delivery/batch-body'
import { deliverBatch, type DeliveryHooks } from '../delivery/deliver-batch'
import { postBatch } from '../delivery/post-batch'
import { createEmitter } from '../emitter/emitter'
import { jsonSizeBound } from '../events/json-size-bound'
import { createMessageId } from '../events/message-id'
import { serializeEvent } from '../events/serialize-event'
import type { EventKind, EventMap, InputByKind } from '../events/types'
import { utf8Length } from '../events/utf8-length'
import { validateEvent } from '../events/validate-event'
import { watchExit } from '../node/exit-flush'
import { createEventQueue, type QueuedEvent } from '../queue/event-queue'
import { backgroundSleep, backgroundTimer } from '../timers/background-timer'
import { resolveOptions, type ClientOptions } from './options'
import type { Client, ClientError, ClientEvents, DropReason, FlushOptions, FlushResult } from './types'

/** The server refuses a single event above 64 KiB. */
const MAX_EVENT_BYTES = 64 * 1024

const idsOf = (events: readonly QueuedEvent[]) => events.map((event) => event.id)

/**
 * Creates a client that queues events and delivers them in batches to `POST /v1/batch`, exactly once.
 * `Traits` and `Properties` type the `traits` of users and the `properties` of purchases; `Events` maps the event
 * names of `track()` to the type of their `properties`.
 *
 * @example
 * const crm = createClient({ apiKey: process.env.CRM_KEY!, host: 'https://crm.example.com' })
 * crm.trackPurchase({ orderId: 'o_1', userId: 'u_1', amount: 19.99, currency: 'USD', product: 'Tea' })
 * crm.track({ userId: 'u_1', event: 'Opened support ticket', properties: { topic: 'billing' } })
 * crm.trackRefund({ refundId: 'r_1', userId: 'u_1', orderId: 'o_1', amount: 19.99, currency: 'USD', reason: 'Arrived broken' })
 * await crm.shutdown()
 */
export function createClient<
  Traits extends object = object,
  Properties extends object = object,
  Events extends EventMap<Events> = Record<string, object>,
>(options: ClientOptions): Client<Traits, Properties, Events> {
  const config = resolveOptions(options)
  const emitter = createEmitter<ClientEvents>()
  const queue = createEventQueue(config)
  const counts = { sent: 0, failed: 0, dropped: 0, retries: 0, requests: 0 }
  // Room for the envelope with a key in it, so a batch also fits when it leaves by beacon.
  const batchBytes = config.maxBatchBytes - utf8Length(batchBody([], config.apiKey))
  let closed = false
  let everything = false
  let draining: Promise<void> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const report = (code: string, message: string, messageIds: string[] = []): false => {
    const error = Object.assign(new Error(`crm-sdk: ${message}`), { code, messageIds }) as ClientError
    if (!emitter.emit('error', error)) console.warn(error.message)
    return false
  }

  const drop = (events: QueuedEvent[], reason: DropReason, message: string) => {
    queue.settle(events)
    if (reason === 'rejected') counts.failed += events.length
    else counts.dropped += events.length
    emitter.emit('drop', { reason, messageIds: idsOf(events), message })
  }

  const hooks: DeliveryHooks = {
    post(events) {
      counts.requests++
      return postBatch(config, batchBody(events))
    },
    sleep: backgroundSleep,
    onSent(events) {
      if (!events.length) return
      queue.settle(events)
      counts.sent += events.length
      emitter.emit('sent', { messageIds: idsOf(events) })
    },
    onUndelivered(events, reason, code, message) {
      report(code, message, idsOf(events))
      drop(events, reason, message)
    },
    onRetry(attempt, delay, reason) {
      counts.retries++
      emitter.emit('retry', { attempt, delay, reason })
    },
  }

  // Full batches leave as soon as they are full; a partial one only when the interval passes or flush() asks.
  const sendAll = () => {
    clearTimeout(timer)
    timer = undefined
    everything = true
    return startDrain()
  }

  const arm = () => {
    if (queue.waiting >= config.flushAt) void startDrain()
    else timer ??= backgroundTimer(() => void sendAll(), config.flushInterval)
  }

  async function drain(): Promise<void> {
    // Let a synchronous burst of track calls finish queueing, so batches leave full.
    await undefined
    while (queue.waiting >= (everything ? 1 : config.flushAt)) {
      await deliverBatch(queue.take(config.flushAt, batchBytes), config, hooks)
      persistence.schedule()
    }
    everything = false
  }

  function startDrain(): Promise<void> {
    if (!draining) {
      // drain() cannot reject: postBatch turns every failure into an outcome and listeners run guarded.
      draining = drain().finally(() => {
        draining = undefined
        if (queue.waiting) arm()
        else if (!queue.size) exit.unwatch()
      })
      config.waitUntil?.(draining)
    }
    return draining
  }

  const enqueue = (event: QueuedEvent): boolean => {
    if (!queue.push(event)) {
      drop([event], 'queue_full', 'the queue is full')
      return false
    }
    arm()
    exit.watch()
    persistence.schedule()
    return true
  }

  // A Node script that ends without flush() still delivers what it tracked (within flushTimeout).
  const exit = watchExit((timeout) => flush({ timeout }), config.flushTimeout)
  const persistence = persistPage(queue, config)
  // Same ids as on the page that queued them, so whatever that page already delivered counts once.
  const restored = new Set<string>()
  for (const body of persistence.leftBehind) {
    try {
      const { messageId } = JSON.parse(body) as { messageId: string }
      if (!restored.has(messageId)) enqueue({ id: messageId, body, bytes: utf8Length(body) })
      restored.add(messageId)
    } catch {
      // A corrupted entry cannot be sent anyway.
    }
  }

  const refuse = (kind: string, problem: unknown, code = 'invalid_event') => report(code, `${kind} not queued: ${problem}`)

  // Serializing is the costly part of tracking, so a burst of calls only validates and stages its events;
  // they are serialized together at the end of the tick (or at once when flush() needs them).
  let staged: (() => void)[] = []
  const serializeStaged = () => {
    const due = staged
    staged = []
    for (const serialize of due) {
      try {
        serialize()
      } catch (error) {
        // Never seen in practice (the size check already read every field), but this runs in a microtask, where a
        // throw would reach the app as an uncaught exception.
        report('invalid_event', (error as Error).message)
      }
    }
  }

  function track(kind: EventKind, input: InputByKind[EventKind]): boolean {
    try {
      if (closed) return refuse(kind, 'the client is shut down', 'client_closed')
      const now = Date.now()
      const problem = validateEvent(kind, input)
      if (problem) return refuse(kind, problem)
      const id = input.messageId
      if (queue.size + staged.length >= config.maxQueueEvents) {
        drop([{ id: id ?? createMessageId(), body: '', bytes: 0 }], 'queue_full', 'the queue is full')
        return false
      }
      // A copy, so an object the app reuses for its next call does not change this event.
      const copy = { ...input }
      // Small events (nearly all) get their id and JSON later; one that may be near the limit is measured now.
      const measured = jsonSizeBound(copy) + 256 > MAX_EVENT_BYTES ? serializeEvent(kind, copy, id ?? createMessageId(), now) : undefined
      if (measured && measured.bytes > MAX_EVENT_BYTES)
        return refuse(kind, `it is ${measured.bytes} bytes as JSON, the server takes at most ${MAX_EVENT_BYTES}`, 'event_too_large')
      staged.push(() => enqueue(measured ?? serializeEvent(kind, copy, id ?? createMessageId(), now)))
      if (staged.length === 1) queueMicrotask(serializeStaged)
      return true
    } catch (error) {
      // A circular or BigInt value in traits/properties makes JSON.stringify throw.
      return refuse(kind, (error as Error).message)
    }
  }

  async function flush({ timeout = config.flushTimeout }: FlushOptions = {}): Promise<FlushResult> {
    serializeStaged()
    const before = { ...counts }
    let deadline: ReturnType<typeof setTimeout> | undefined
    let late = false
    // Not a background timer: a Node process awaiting flush() stays alive until delivery or the deadline.
    const expired = new Promise<void>((resolve) => (deadline = setTimeout(resolve, timeout)))
    const delivered = (async () => {
      while (!late && (queue.waiting || draining)) await (queue.waiting ? sendAll() : draining)
    })()
    await Promise.race([delivered, expired])
    late = true
    clearTimeout(deadline)
    return { sent: counts.sent - before.sent, failed: counts.failed - before.failed, dropped: counts.dropped - before.dropped, pending: queue.size }
  }

  return {
    trackUser: (user) => track('user', user),
    trackPurchase: (purchase) => track('purchase', purchase),
    trackRefund: (refund) => track('refund', refund),
    track: (event) => track('event', event),
    flush,
    async shutdown(flushOptions) {
      closed = true
      const result = await flush(flushOptions)
      clearTimeout(timer)
      exit.unwatch()
      persistence.detach()
      return result
    },
    on: emitter.on,
    stats: () => {
      serializeStaged()
      return { queued: queue.size, queuedBytes: queue.bytes, ...counts }
    },
  }
}
