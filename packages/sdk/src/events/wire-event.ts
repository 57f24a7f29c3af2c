import type { CustomEventInput, PurchaseInput, RefundInput, Timestamp, UserInput } from './types'

type Timed<Type extends string, Input> = { type: Type; messageId: string; timestamp: string } & Omit<Input, 'messageId' | 'timestamp'>

/** An event as it travels in `POST /v1/batch`. */
export type WireEvent =
  | ({ type: 'user'; messageId: string } & Omit<UserInput, 'messageId'>)
  | Timed<'purchase', PurchaseInput>
  | Timed<'refund', RefundInput>
  | Timed<'event', CustomEventInput>

/** The events that happen at a moment: purchases, refunds and custom events. */
export type TimedKind = 'purchase' | 'refund' | 'event'

// A Date becomes ISO 8601 UTC; a string goes as given, so one without an offset is read in the app's time zone
// by the server, not in the time zone of the machine that tracked it.
const toIso = (value: Timestamp | undefined): string | undefined => (value instanceof Date ? value.toISOString() : value)

/**
 * The wire form of a validated user.
 *
 * @example toUserEvent({ userId: 'u1', traits: { plan: 'pro' } }, id)
 */
export function toUserEvent(user: UserInput, messageId: string): WireEvent {
  return { type: 'user', ...user, messageId, createdAt: toIso(user.createdAt) }
}

/**
 * The wire form of a validated purchase, refund or custom event, stamped with the tracking time when it has no
 * timestamp, so a late retry still records when it happened; a currency is sent in upper case.
 *
 * @example toTimedEvent('purchase', { orderId: 'o1', userId: 'u1', amount: 5, currency: 'usd', product: 'Tea' }, id, Date.now())
 */
export function toTimedEvent(type: TimedKind, input: PurchaseInput | RefundInput | CustomEventInput, messageId: string, now: number): WireEvent {
  return {
    type,
    ...input,
    messageId,
    // Custom events have no currency: undefined leaves no trace in the JSON.
    currency: (input as { currency?: string }).currency?.toUpperCase(),
    timestamp: toIso(input.timestamp ?? new Date(now)),
  } as WireEvent
}
