import { type AssociationRule, associationRules } from '../analytics'
import type { PurchaseLedger } from '../ledger'
import { lowerBound } from '../ledger/sorted-search'
import { itemRefunded, type OrderRefunds } from './refund-links'

/** The items of a run of orders: order i's products are `product[start[i] - start[0]]` up to the next order's start. */
export type OrderItems = { start: Int32Array; product: Int32Array }

/**
 * The items of the orders of the year before `asOf`, copied out of the ledger so they can go to a worker thread; with
 * `given`, without the items given back whole (an order refunded in full leaves an empty basket): a product returned
 * is not one the customer chose to keep with the others.
 *
 * @example
 * orderItems(ledger, Date.now(), 365, orderRefunds(ledger, links, Date.now())).start.length // orders + 1
 */
export function orderItems(ledger: PurchaseLedger, asOf: number, days = 365, given?: OrderRefunds): OrderItems {
  const end = ledger.countUntil(asOf)
  const start = ledger.countUntil(asOf - days * 86_400_000)
  const from = ledger.itemStart[start] as number
  const to = ledger.itemStart[end] as number
  const { orders = new Int32Array(0) } = given ?? {}
  // The refunded orders of the window, ascending: the orders between them are copied whole.
  const touched = orders.subarray(lowerBound(orders, orders.length, start), lowerBound(orders, orders.length, end))
  if (!given || touched.length === 0) return { start: ledger.itemStart.slice(start, end + 1), product: ledger.itemProduct.slice(from, to) }
  const starts = new Int32Array(end - start + 1)
  const product = new Int32Array(to - from)
  let kept = 0
  const copy = (first: number, last: number) => {
    const offset = kept - (ledger.itemStart[first] as number)
    product.set(ledger.itemProduct.subarray(ledger.itemStart[first] as number, ledger.itemStart[last] as number), kept)
    for (let i = first; i < last; i++) starts[i - start + 1] = (ledger.itemStart[i + 1] as number) + offset
    kept = (ledger.itemStart[last] as number) + offset
  }
  let cursor = start
  for (const i of touched) {
    copy(cursor, i)
    for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
      if (!itemRefunded(ledger, given, i, k)) product[kept++] = ledger.itemProduct[k] as number
    }
    starts[i - start + 1] = kept
    cursor = i + 1
  }
  copy(cursor, end)
  // A copy of the used part: a view would take its whole buffer along to the worker.
  return { start: starts, product: product.slice(0, kept) }
}

/**
 * Product-pair rules over the order baskets of the year before `asOf` (products are the ledger's product indices),
 * without the items given back whole when `given` says what refunds took.
 * The support floor is 0.5 % of baskets, and never under 10 baskets: a pair must be common enough to act on, and a
 * pair seen twice is not a "rule".
 *
 * @example
 * basketRules(ledger, Date.now(), 365, given).rules[0] // { antecedent: 3, consequent: 7, lift: 4.2, confidence: 0.31, ... }
 */
export function basketRules(ledger: PurchaseLedger, asOf: number, days = 365, given?: OrderRefunds): { baskets: number; rules: AssociationRule[] } {
  return basketRulesOfItems(orderItems(ledger, asOf, days, given))
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
