import { isCurrencyCode } from './currency'
import { checkId, checkMoney, checkObject, checkTime, isRecord, toEpoch } from './field-checks'

const DAY_MS = 86_400_000

/**
 * Why `purchase` cannot be sent, or undefined when it is a valid `trackPurchase()` input.
 * `now` is the tracking time: the server refuses timestamps more than 24 h ahead of it.
 *
 * @example validatePurchase({ orderId: 'o1', userId: 'u1', amount: Infinity, currency: 'USD', product: 'Tea' }, Date.now())
 * // 'amount must be an amount >= 0 in major units (19.99 or "19.99"), not Infinity'
 */
export function validatePurchase(purchase: unknown, now: number): string | undefined {
  if (!isRecord(purchase)) return 'a purchase must be an object'
  const { currency, items, product, timestamp } = purchase
  return (
    checkId(purchase.orderId, 'orderId') ??
    checkId(purchase.userId, 'userId') ??
    checkMoney(purchase.amount, 'amount') ??
    (isCurrencyCode(String(currency).toUpperCase()) ? undefined : `currency must be an ISO 4217 code such as "USD", not ${String(currency)}`) ??
    (product ?? items ? undefined : 'a purchase needs product or items') ??
    checkObject(purchase.properties, 'properties') ??
    checkTime(timestamp, 'timestamp') ??
    (toEpoch(timestamp) > now + DAY_MS ? 'timestamp may not be more than 24 h ahead' : undefined) ??
    (items === undefined ? undefined : checkItems(items))
  )
}

// Only what would make the server refuse the whole event is checked here; the types cover the rest.
function checkItems(items: unknown): string | undefined {
  if (!Array.isArray(items) || !items.length) return 'items must be a non-empty array'
  for (const [index, item] of items.entries()) {
    const path = `items.${index}`
    const { name, price, quantity } = (item ?? {}) as Record<string, unknown>
    const problem =
      checkId(name, `${path}.name`) ??
      checkMoney(price, `${path}.price`) ??
      (quantity === undefined || (Number.isInteger(quantity) && (quantity as number) > 0) ? undefined : `${path}.quantity must be a positive integer`)
    if (problem) return problem
  }
  return undefined
}
