import type { PurchaseInput, Timestamp, UserInput } from './types'

/** An event as it travels in `POST /v1/batch`. */
export type WireEvent =
  | ({ type: 'user'; messageId: string } & Omit<UserInput, 'messageId'>)
  | ({ type: 'purchase'; messageId: string; timestamp: string } & Omit<PurchaseInput, 'messageId' | 'timestamp'>)

const toIso = (value: Timestamp | number | undefined): string | undefined => (value === undefined ? value : new Date(value).toISOString())

/**
 * The wire form of a validated user, dates as ISO 8601 UTC.
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
    timestamp: toIso(purchase.timestamp ?? now),
  } as WireEvent
}
