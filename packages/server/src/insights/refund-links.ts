import type { PurchaseLedger } from '../ledger'
import { lowerBound } from '../ledger/sorted-search'
import type { RefundLinkRow } from '../store'
import { customerRowIndex } from './customer-row-index'

/** For each refund of a ledger (by index), the ledger index of the order it gives money back on; -1 for none. */
export type RefundLinks = { order: Int32Array }

/** What the refunds dated up to an instant took off the ledger's orders. */
export type OrderRefunds = {
  /** Minor units given back, by ledger purchase index (only refunded orders are there). */
  refunded: Map<number, number>
  /** Units given back, by `order * products + product` (only products a refund took units of). */
  units: Map<number, number>
  /** Products when the keys of `units` were made. */
  products: number
  /** Indexes (in `ledger.refunds`) of the refunds of no order known to the ledger. */
  unlinked: number[]
}

/**
 * Finds, in the ledger, each refund of an order and the order itself, from rows that name them by row id (the ledger
 * keeps neither id): each by its time, customer and amount. Of identical twin orders (same customer, instant and
 * amount), `twinRank` says which one an order is (the ledger holds ties in row-id order); twin refunds are taken
 * once each, in row-id order. O(R log N + R log R) for R refunds of orders and N purchases.
 *
 * @example
 * const links = linkRefunds(ledger, store.refundLinks(appId, ledger.refunds.watermark), (id) => store.twinRank(id))
 * links.order[0] // 17: the first refund gives money back on purchase 17
 */
export function linkRefunds(ledger: PurchaseLedger, rows: readonly RefundLinkRow[], twinRank: (purchaseId: number) => number = () => 0): RefundLinks {
  const { refunds } = ledger
  const order = new Int32Array(refunds.size).fill(-1)
  const orderOf = new Map<number, number>()
  for (const [, customerRowId, , purchaseId, orderTs, orderAmount] of rows) {
    const customer = customerRowIndex(ledger.customerRowIds, customerRowId)
    if (customer === undefined || orderOf.has(purchaseId)) continue
    const twins: number[] = []
    for (let i = lowerBound(ledger.ts, ledger.size, orderTs); i < ledger.size && ledger.ts[i] === orderTs; i++) {
      if (ledger.customer[i] === customer && ledger.amount[i] === orderAmount) twins.push(i)
    }
    // Twins are rare: only then is the store asked which one this is.
    if (twins.length > 0) orderOf.set(purchaseId, twins[twins.length === 1 ? 0 : Math.min(twinRank(purchaseId), twins.length - 1)] as number)
  }
  // Then the refunds, by time and row id: the ledger's order of refunds.
  const claimed = new Uint8Array(refunds.size)
  for (const [ts, customerRowId, amount, purchaseId] of [...rows].sort((left, right) => left[0] - right[0] || left[6] - right[6])) {
    const customer = customerRowIndex(ledger.customerRowIds, customerRowId)
    const purchase = orderOf.get(purchaseId)
    if (customer === undefined || purchase === undefined) continue
    for (let j = lowerBound(refunds.ts, refunds.size, ts); j < refunds.size && refunds.ts[j] === ts; j++) {
      if (claimed[j] === 0 && refunds.customer[j] === customer && refunds.amount[j] === amount) {
        claimed[j] = 1
        order[j] = purchase
        break
      }
    }
  }
  return { order }
}

/**
 * What the refunds dated up to `asOf` took off each order: money, and units of each product (a refund that names
 * its items, or gives a whole order back). Without links every refund is of no known order.
 *
 * @example
 * const given = orderRefunds(ledger, links, Date.now())
 * given.refunded.get(17) // 500: purchase 17 had 5.00 back
 */
export function orderRefunds(ledger: PurchaseLedger, links: RefundLinks | undefined, asOf: number): OrderRefunds {
  const { refunds } = ledger
  const products = ledger.products.length
  const refunded = new Map<number, number>()
  const units = new Map<number, number>()
  const unlinked: number[] = []
  const end = refunds.countUntil(asOf)
  for (let j = 0; j < end; j++) {
    const purchase = links && j < links.order.length ? (links.order[j] as number) : -1
    if (purchase < 0) {
      unlinked.push(j)
      continue
    }
    refunded.set(purchase, (refunded.get(purchase) ?? 0) + (refunds.amount[j] as number))
    for (let k = refunds.itemStart[j] as number; k < (refunds.itemStart[j + 1] as number); k++) {
      const quantity = refunds.itemQuantity[k] as number
      if (quantity <= 0) continue
      const key = purchase * products + (refunds.itemProduct[k] as number)
      units.set(key, (units.get(key) ?? 0) + quantity)
    }
  }
  return { refunded, units, products, unlinked }
}

/**
 * What an order kept: its amount less what was given back on it, never below 0 (0: it was refunded in full, and
 * is no purchase).
 *
 * @example
 * keptAmount(ledger, given, 17) // 1500 of a 20.00 order with 5.00 back
 */
export function keptAmount(ledger: PurchaseLedger, given: OrderRefunds, purchase: number): number {
  return Math.max(0, (ledger.amount[purchase] as number) - (given.refunded.get(purchase) ?? 0))
}

/**
 * Whether item `k` of order `purchase` was given back whole: the order refunded in full, or as many units of its
 * product as the order held (over all its lines of that product).
 *
 * @example
 * itemRefunded(ledger, given, 17, ledger.itemStart[17]) // true when its first product came back
 */
export function itemRefunded(ledger: PurchaseLedger, given: OrderRefunds, purchase: number, k: number): boolean {
  const refunded = given.refunded.get(purchase)
  if (refunded === undefined) return false
  if (refunded >= (ledger.amount[purchase] as number)) return true
  const product = ledger.itemProduct[k] as number
  const back = given.units.get(purchase * given.products + product)
  if (back === undefined) return false
  let held = 0
  for (let other = ledger.itemStart[purchase] as number; other < (ledger.itemStart[purchase + 1] as number); other++) {
    if (ledger.itemProduct[other] === product) held += ledger.itemQuantity[other] as number
  }
  return back >= held
}
