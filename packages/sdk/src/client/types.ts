import type { EventMap, PurchaseInput, RefundInput, TrackInput, UserInput } from '../events/types'

/** Why events will never be delivered. */
export type DropReason =
  /** The queue was at its event or byte bound; the new event was refused. */
  | 'queue_full'
  /** The batch used up its attempts or its time budget. */
  | 'retries_exhausted'
  /** The server refused the events for good (a 4xx or a non-retryable per-event code). */
  | 'rejected'

/** Payload of the `drop` event. */
export interface DropInfo {
  reason: DropReason
  messageIds: string[]
  message: string
}

/** Payload of the `error` event: `code` is the SDK's (`invalid_event`, `event_too_large`, `client_closed`) or the server's. */
export interface ClientError extends Error {
  code: string
  messageIds: string[]
}

/** Events of `client.on()`. */
export interface ClientEvents {
  error: ClientError
  drop: DropInfo
  sent: { messageIds: string[] }
  retry: { attempt: number; delay: number; reason: string }
}

/** What happened between a `flush()` call and its end. */
export interface FlushResult {
  /** Events the server confirmed (stored now or earlier) in that time. */
  sent: number
  /** Events the server refused for good in that time. */
  failed: number
  /** Events dropped in that time (queue full, retries exhausted). */
  dropped: number
  /** Events still held when the flush ended (in flight included). */
  pending: number
}

/** Counters since the client was created. */
export interface ClientStats {
  queued: number
  queuedBytes: number
  sent: number
  failed: number
  dropped: number
  retries: number
  requests: number
}

/** Options of `flush()` and `shutdown()`. */
export interface FlushOptions {
  /** Resolve after at most this many ms even if events are still pending. Default: the client's `flushTimeout`. */
  timeout?: number
}

/**
 * The client returned by `createClient()`. `Traits` types users' `traits`, `Properties` purchases' `properties`, and
 * `Events` maps the names `track()` takes to the type of their `properties`.
 */
export interface Client<Traits extends object = object, Properties extends object = object, Events extends EventMap<Events> = Record<string, object>> {
  /** Queues a user; false (and an `error` or `drop` event) when it was not queued. Never throws. */
  trackUser(user: UserInput<Traits>): boolean
  /** Queues a purchase; false (and an `error` or `drop` event) when it was not queued. Never throws. */
  trackPurchase(purchase: PurchaseInput<Properties>): boolean
  /**
   * Queues a refund (of an order, or of the customer alone); false (and an `error` or `drop` event) when it was not queued. Never throws.
   *
   * @example crm.trackRefund({ refundId: 're_1', userId: 'u_1', orderId: 'ord_1', amount: '19.90', currency: 'EUR', reason: 'Arrived broken' })
   */
  trackRefund(refund: RefundInput): boolean
  /**
   * Queues any other interaction of a user; false (and an `error` or `drop` event) when it was not queued. Never throws.
   *
   * @example crm.track({ userId: 'u_1', event: 'Viewed pricing', properties: { plan: 'pro' } })
   */
  track(event: TrackInput<Events>): boolean
  /** Sends everything queued, joining a flush already running; resolves by the deadline. */
  flush(options?: FlushOptions): Promise<FlushResult>
  /** Stops taking events, flushes and detaches from the page. */
  shutdown(options?: FlushOptions): Promise<FlushResult>
  /** Listens to `error`, `drop`, `sent` or `retry`; returns a function that stops listening. */
  on<Name extends keyof ClientEvents>(event: Name, listener: (payload: ClientEvents[Name]) => void): () => void
  stats(): ClientStats
}
