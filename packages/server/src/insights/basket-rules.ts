import { type AssociationRule, associationRules } from '../analytics'
import type { PurchaseLedger } from '../ledger'

/** The items of a run of orders: order i's products are `product[start[i] - start[0]]` up to the next order's start. */
export type OrderItems = { start: Int32Array; product: Int32Array }

/**
 * The items of the orders of the year before `asOf`, copied out of the ledger so they can go to a worker thread.
 *
 * @example
 * orderItems(ledger, Date.now()).start.length // orders + 1
 */
export function orderItems(ledger: PurchaseLedger, asOf: number, days = 365): OrderItems {
  const end = ledger.countUntil(asOf)
  const start = ledger.countUntil(asOf - days * 86_400_000)
  return {
    start: ledger.itemStart.slice(start, end + 1),
    product: ledger.itemProduct.slice(ledger.itemStart[start] as number, ledger.itemStart[end] as number),
  }
}

/**
 * Product-pair rules over the order baskets of the year before `asOf` (products are the ledger's product indices).
 * The support floor is 0.5 % of baskets, and never under 10 baskets: a pair must be common enough to act on, and a
 * pair seen twice is not a "rule".
 *
 * @example
 * basketRules(ledger, Date.now()).rules[0] // { antecedent: 3, consequent: 7, lift: 4.2, confidence: 0.31, ... }
 */
export function basketRules(ledger: PurchaseLedger, asOf: number, days = 365): { baskets: number; rules: AssociationRule[] } {
  return basketRulesOfItems(orderItems(ledger, asOf, days))
}

/**
 * `basketRules` over items already copied out of the ledger.
 *
 * @example
 * basketRulesOfItems(orderItems(ledger, Date.now())).baskets // 41 230
 */
export function basketRulesOfItems(items: OrderItems): { baskets: number; rules: AssociationRule[] } {
  const offset = items.start[0] ?? 0
  const baskets: number[][] = []
  for (let i = 0; i + 1 < items.start.length; i++) {
    const from = (items.start[i] as number) - offset
    const to = (items.start[i + 1] as number) - offset
    if (to > from) baskets.push(Array.from(items.product.subarray(from, to)))
  }
  if (baskets.length === 0) return { baskets: 0, rules: [] }
  return associationRules(baskets, { minSupport: Math.max(0.005, 10 / baskets.length), minLift: 1.2, minConfidence: 0.05, maxRules: 100 })
}
