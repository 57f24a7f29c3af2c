import { checkCurrency, checkId, checkItems, checkMoney, checkObject, checkTime } from './field-checks'

/**
 * Why `purchase` cannot be sent, or undefined when it is a valid `trackPurchase()` input: missing ids, an amount
 * that is not a finite number >= 0, an unknown currency, no product or items, an unreadable date. The server
 * validates every field again; these are the mistakes worth catching before the event is queued.
 *
 * @example validatePurchase({ orderId: 'o1', userId: 'u1', amount: Infinity, currency: 'USD', product: 'Tea' })
 * // 'amount must be a number >= 0 or a decimal string, not Infinity'
 */
export function validatePurchase(purchase: Record<string, unknown>): string | undefined {
  return (
    checkId(purchase.orderId, 'orderId') ??
    checkId(purchase.userId, 'userId') ??
    checkMoney(purchase.amount, 'amount') ??
    checkCurrency(purchase.currency) ??
    (purchase.product ?? purchase.items ? undefined : 'a purchase needs product or items') ??
    checkItems(purchase.items) ??
    checkObject(purchase.properties, 'properties') ??
    checkTime(purchase.timestamp, 'timestamp')
  )
}
