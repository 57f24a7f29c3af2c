import type { PurchaseLedger } from '../ledger'
import { lowerBound } from '../ledger/sorted-search'
import type { InsightInputsStore, RefundLinkRow } from '../store'
import { customerRowIndex } from './customer-row-index'

/** Which order each of a ledger's refunds is of, and what they were found by, to tell later whether that still holds. */
export type RefundLinks = {
  /** By refund index (in `ledger.refunds`): the ledger index of its order; -1 for none. */
  order: Int32Array
  /** The highest refund row id read. */
  watermark: number
  /** Refunds whose order the ledger did not hold yet (written between its reads): tried again at the next update. */
  pending: RefundLinkRow[]
  /** Each refund's time, customer and amount, and its order's time and amount (NaN without one), as linked. */
  refundTs: Float64Array
  refundCustomer: Int32Array
  refundAmount: Float64Array
  orderTs: Float64Array
  orderAmount: Float64Array
}

/** What the refunds dated up to an instant took off the ledger's orders. */
export type OrderRefunds = {
  /** Minor units given back, by ledger purchase index (only refunded orders are there). */
  refunded: Map<number, number>
  /** The keys of `refunded`, ascending: a pass over the purchases walks it beside them instead of a lookup each. */
  orders: Int32Array
  /** Units given back, by `order * products + product` (only products a refund took units of). */
  units: Map<number, number>
  /** Products when the keys of `units` were made. */
  products: number
  /** Indexes (in `ledger.refunds`) of the refunds of no order known to the ledger. */
  unlinked: number[]
}

/** Where the links read refunds of orders (`InsightInputsStore`, bound to an app). */
export type RefundLinkSource = {
  /** Refunds of an order with a row id in (afterId, maxRefundId]. */
  refundLinks(afterId: number, maxRefundId: number): RefundLinkRow[]
  /** Which of identical twin orders (same customer, instant and amount) a purchase is, in row-id order. */
  twinRank(purchaseId: number): number
}

/**
 * An app's refunds of orders as the links read them from the store.
 *
 * @example
 * linkRefunds(ledger, refundLinkSource(stores.insightInputs, appId))
 */
export function refundLinkSource(store: Pick<InsightInputsStore, 'refundLinks' | 'twinRank'>, appId: number): RefundLinkSource {
  return { refundLinks: (afterId, maxRefundId) => store.refundLinks(appId, maxRefundId, afterId), twinRank: (purchaseId) => store.twinRank(purchaseId) }
}

/**
 * Finds, in the ledger, each refund of an order and the order itself (the ledger keeps neither row id): each by its
 * time, customer and amount. Of identical twin orders, the store's `twinRank` says which one (the ledger holds ties in
 * row-id order); twin refunds are taken once each, in row-id order. With the links of an earlier version of the
 * ledger that still hold (every refund and linked order where it was: purchases and refunds were appended, the usual
 * case), only the refunds read since are linked; otherwise all are. Each instant is looked at once, however many
 * orders share it (a day's orders imported without a time all do): O(R log R + the purchases at the instants read).
 *
 * @example
 * let links = linkRefunds(ledger, refundLinkSource(stores.insightInputs, appId))
 * links.order[0] // 17: the first refund gives money back on purchase 17
 * links = linkRefunds(ledger, refundLinkSource(stores.insightInputs, appId), links) // later: the new refunds only
 */
export function linkRefunds(ledger: PurchaseLedger, source: RefundLinkSource, previous?: RefundLinks): RefundLinks {
  const { refunds } = ledger
  const holds = previous !== undefined && stillHold(ledger, previous)
  if (refunds.size === 0 && !holds) return emptyLinks()
  const order = new Int32Array(refunds.size).fill(-1)
  if (holds) order.set(previous.order)
  const read = source.refundLinks(holds ? previous.watermark : 0, refunds.watermark)
  const rows = holds ? [...previous.pending, ...read] : read
  const orderOf = findOrders(ledger, rows, source)
  const pending: RefundLinkRow[] = []
  const found: RefundLinkRow[] = []
  for (const row of rows) (orderOf.has(row[3]) ? found : pending).push(row)
  // The refunds of one instant by row id: the ledger's order of refunds.
  forEachInstant(found, 0, ledger.customerRowIds, refunds, (row, candidates) => {
    const j = candidates.find((candidate) => order[candidate] === -1 && refunds.amount[candidate] === row[2])
    if (j !== undefined) order[j] = orderOf.get(row[3]) as number
  })
  const orderTs = new Float64Array(refunds.size).fill(Number.NaN)
  const orderAmount = new Float64Array(refunds.size).fill(Number.NaN)
  order.forEach((purchase, j) => {
    if (purchase < 0) return
    orderTs[j] = ledger.ts[purchase] as number
    orderAmount[j] = ledger.amount[purchase] as number
  })
  return {
    order,
    watermark: refunds.watermark,
    pending,
    refundTs: refunds.ts.slice(),
    refundCustomer: refunds.customer.slice(),
    refundAmount: refunds.amount.slice(),
    orderTs,
    orderAmount,
  }
}

function emptyLinks(): RefundLinks {
  const none = new Float64Array(0)
  return { order: new Int32Array(0), watermark: 0, pending: [], refundTs: none, refundCustomer: new Int32Array(0), refundAmount: none, orderTs: none, orderAmount: none }
}

/** The ledger index of each order the rows name (by purchase row id), where the ledger holds it. */
function findOrders(ledger: PurchaseLedger, rows: readonly RefundLinkRow[], source: RefundLinkSource): Map<number, number> {
  const orderOf = new Map<number, number>()
  forEachInstant(rows, 4, ledger.customerRowIds, ledger, (row, candidates) => {
    const purchaseId = row[3]
    if (orderOf.has(purchaseId)) return
    const twins = candidates.filter((i) => ledger.amount[i] === row[5])
    // Twins are rare: only then is the store asked which one this is.
    if (twins.length > 0) orderOf.set(purchaseId, twins[twins.length === 1 ? 0 : Math.min(source.twinRank(purchaseId), twins.length - 1)] as number)
  })
  return orderOf
}

/**
 * Calls `visit` with each row and the indexes of the columns' rows of its customer at its time (at `timeAt`). The rows
 * are grouped by instant (in row-id order within one) and each instant's run of the columns is scanned once, keeping
 * only the customers asked for: a day of orders imported without a time is one run of thousands. O(rows + the
 * columns' rows at those instants); no sort of all the rows.
 */
function forEachInstant(
  rows: readonly RefundLinkRow[],
  timeAt: 0 | 4,
  customerRowIds: readonly number[],
  columns: { ts: Float64Array; customer: Int32Array; size: number },
  visit: (row: RefundLinkRow, candidates: readonly number[]) => void,
): void {
  const instants = new Map<number, RefundLinkRow[]>()
  for (const row of rows) {
    const group = instants.get(row[timeAt])
    if (group) group.push(row)
    else instants.set(row[timeAt], [row])
  }
  const { ts: times, customer: customerOf, size } = columns
  // The customers asked for at the current instant carry its number here: a run is scanned without a map lookup each.
  const stamp = new Int32Array(customerRowIds.length)
  let instant = 0
  for (const [ts, group] of instants) {
    instant++
    const first = lowerBound(times, size, ts)
    if (group.length === 1) {
      // The usual case: one row at its instant, no map needed.
      const row = group[0] as RefundLinkRow
      const customer = customerRowIndex(customerRowIds, row[1])
      if (customer === undefined) continue
      const candidates: number[] = []
      for (let i = first; i < size && times[i] === ts; i++) if (customerOf[i] === customer) candidates.push(i)
      visit(row, candidates)
      continue
    }
    group.sort((left, right) => left[6] - right[6])
    const customers = group.map((row) => customerRowIndex(customerRowIds, row[1]) ?? -1)
    const wanted = new Map<number, number[]>()
    for (const customer of customers) {
      if (customer < 0) continue
      wanted.set(customer, [])
      stamp[customer] = instant
    }
    for (let i = first; i < size && times[i] === ts; i++) if (stamp[customerOf[i] as number] === instant) wanted.get(customerOf[i] as number)?.push(i)
    group.forEach((row, k) => {
      const candidates = wanted.get(customers[k] as number)
      if (candidates) visit(row, candidates)
    })
  }
}

/** Whether every refund linked before is still at its index, and each linked order at its own. O(refunds). */
function stillHold(ledger: PurchaseLedger, links: RefundLinks): boolean {
  const { refunds } = ledger
  const size = links.order.length
  if (refunds.size < size) return false
  for (let j = 0; j < size; j++) {
    if (refunds.ts[j] !== links.refundTs[j] || refunds.customer[j] !== links.refundCustomer[j] || refunds.amount[j] !== links.refundAmount[j]) return false
    const purchase = links.order[j] as number
    if (purchase < 0) continue
    if (purchase >= ledger.size || ledger.ts[purchase] !== links.orderTs[j] || ledger.customer[purchase] !== links.refundCustomer[j] || ledger.amount[purchase] !== links.orderAmount[j]) {
      return false
    }
  }
  return true
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
  return { refunded, orders: Int32Array.from(refunded.keys()).sort(), units, products, unlinked }
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
