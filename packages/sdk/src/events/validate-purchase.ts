import { isCurrencyCode } from './currency'
import { checkId, checkMoney, checkObject, checkTime, isRecord } from './field-checks'

/**
 * Why `purchase` cannot be sent, or undefined when it is a valid `trackPurchase()` input: missing ids, an amount
 * that is not a finite number >= 0, an unknown currency, no product or items, an unreadable date. The server
 * validates every field again; these are the mistakes worth catching before the event is queued.
 *
 * @example validatePurchase({ orderId: 'o1', userId: 'u1', amount: Infinity, currency: 'USD', product: 'Tea' })
 * // 'amount must be a number >= 0 or a decimal string, not Infinity'
 */
export function validatePurchase(purchase: unknown): string | undefined {
  if (!isRecord(purchase)) return 'a purchase must be an object'
  const { currency, items } = purchase
  return (
    checkId(purchase.orderId, 'orderId') ??
    checkId(purchase.userId, 'userId') ??
    checkMoney(purchase.amount, 'amount') ??
    (isCurrencyCode(currency as string) || isCurrencyCode(String(currency).toUpperCase())
      ? undefined
      : `currency must be an ISO 4217 code such as "USD", not ${String(currency)}`) ??
    (purchase.product ?? items ? undefined : 'a purchase needs product or items') ??
    (items === undefined || (Array.isArray(items) && items.length) ? undefined : 'items must be a non-empty array') ??
    checkObject(purchase.properties, 'properties') ??
    checkTime(purchase.timestamp, 'timestamp')
  )
}
