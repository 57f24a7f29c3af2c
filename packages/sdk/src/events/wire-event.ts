import type { PurchaseInput, Timestamp, UserInput } from './types'

/** An event as it travels in `POST /v1/batch`. */
export type WireEvent =
  | ({ type: 'user'; messageId: string } & Omit<UserInput, 'messageId'>)
  | ({ type: 'purchase'; messageId: string; timestamp: string } & Omit<PurchaseInput, 'messageId' | 'timestamp'>)

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
 * The wire form of a validated purchase, stamped with the tracking time when it has no timestamp,
 * so a late retry still records when the purchase happened.
 *
 * @example toPurchaseEvent({ orderId: 'o1', userId: 'u1', amount: 5, currency: 'usd', product: 'Tea' }, id, Date.now())
 */
export function toPurchaseEvent(purchase: PurchaseInput, messageId: string, now: number): WireEvent {
  return {
    type: 'purchase',
    ...purchase,
    messageId,
    currency: purchase.currency.toUpperCase(),
    timestamp: toIso(purchase.timestamp ?? new Date(now)),
  } as WireEvent
}
