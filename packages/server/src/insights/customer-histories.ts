import type { PurchaseLedger } from '../ledger'
import type { OrderRefunds } from './refund-links'

/**
 * Per customer (by index), what the customer models and RFM need, as of one day: purchase days (several purchases on
 * one day count once, as in the BG/NBD literature), first and last day, orders and revenue in the app's currency, and
 * the spend of the first day (so repeat spend is the rest). It is the true history: an order refunded in full by then
 * is no purchase, a partly refunded one is worth what it kept, and refunds of no order lower the customer's spend.
 */
export type CustomerHistories = {
  asOfDay: number
  /** Row id of each customer index, ascending (`historyIndexOf` finds a customer's index). */
  customerRowIds: Int32Array
  /** Customers with a purchase by `asOfDay`, as indices, ascending. */
  customers: Int32Array
  firstDay: Int32Array
  lastDay: Int32Array
  purchaseDays: Int32Array
  orders: Int32Array
  /** Minor units of the app's currency, net of refunds. */
  revenue: Float64Array
  firstDayRevenue: Float64Array
}

const NONE = -2_147_483_648

/**
 * Folds purchases, given in time order, into per-customer histories: the one definition of a history, whether the
 * purchases come from the ledger in memory or are read page by page from the store.
 *
 * @example
 * const fold = new HistoryFold(customerRowIds)
 * fold.add(0, dayNumber('2026-01-01'), 1500, true)
 * fold.histories(dayNumber('2026-01-31')).purchaseDays[0] // 1
 */
export class HistoryFold {
  readonly #firstDay: Int32Array
  readonly #lastDay: Int32Array
  readonly #purchaseDays: Int32Array
  readonly #orders: Int32Array
  readonly #revenue: Float64Array
  readonly #firstDayRevenue: Float64Array
  #unlinkedRefunds: Float64Array | undefined

  /** `customerRowIds`: the row id of each customer index, ascending. */
  constructor(readonly customerRowIds: Int32Array) {
    const count = customerRowIds.length
    this.#firstDay = new Int32Array(count).fill(NONE)
    this.#lastDay = new Int32Array(count).fill(NONE)
    this.#purchaseDays = new Int32Array(count)
    this.#orders = new Int32Array(count)
    this.#revenue = new Float64Array(count)
    this.#firstDayRevenue = new Float64Array(count)
  }

  /** One purchase of customer index `c` on local day `day`; `amount` counts when it is in the app's currency. */
  add(c: number, day: number, amount: number, inAppCurrency: boolean): void {
    if (this.#firstDay[c] === NONE) this.#firstDay[c] = day
    if (this.#lastDay[c] !== day) {
      this.#lastDay[c] = day
      this.#purchaseDays[c] = (this.#purchaseDays[c] as number) + 1
    }
    this.#orders[c] = (this.#orders[c] as number) + 1
    if (inAppCurrency) {
      this.#revenue[c] = (this.#revenue[c] as number) + amount
      if (day === this.#firstDay[c]) this.#firstDayRevenue[c] = (this.#firstDayRevenue[c] as number) + amount
    }
  }

  /**
   * A refund of customer index `c` in the app's currency that names no order. Which purchase it gave money back on is
   * unknown, so it lowers the customer's spend, not their purchases (a purchase day stays a purchase day): it is
   * taken off every purchase of the customer in proportion to its value, so the spend of the first day and of the
   * repeat days (Gamma-Gamma's input) shrink alike, and never below nothing.
   */
  refund(c: number, amount: number): void {
    this.#unlinkedRefunds ??= new Float64Array(this.customerRowIds.length)
    this.#unlinkedRefunds[c] = (this.#unlinkedRefunds[c] as number) + amount
  }

  histories(asOfDay: number): CustomerHistories {
    const active: number[] = []
    for (let c = 0; c < this.customerRowIds.length; c++) if (this.#firstDay[c] !== NONE) active.push(c)
    let revenue = this.#revenue
    let firstDayRevenue = this.#firstDayRevenue
    const unlinked = this.#unlinkedRefunds
    if (unlinked) {
      revenue = Float64Array.from(revenue)
      firstDayRevenue = Float64Array.from(firstDayRevenue)
      for (let c = 0; c < unlinked.length; c++) {
        const gross = revenue[c] as number
        if (unlinked[c] === 0 || gross <= 0) continue
        const kept = Math.max(0, gross - (unlinked[c] as number)) / gross
        revenue[c] = gross * kept
        firstDayRevenue[c] = (firstDayRevenue[c] as number) * kept
      }
    }
    return {
      asOfDay,
      customerRowIds: this.customerRowIds,
      customers: Int32Array.from(active),
      firstDay: this.#firstDay,
      lastDay: this.#lastDay,
      purchaseDays: this.#purchaseDays,
      orders: this.#orders,
      revenue,
      firstDayRevenue,
    }
  }
}

/**
 * Folds the ledger's purchases up to `asOf` into per-customer histories (indexed as the ledger's customers), in one
 * pass, net of what the refunds dated up to `asOf` gave back (`given`; without it, gross).
 *
 * @example
 * const histories = customerHistories(ledger, asOf, localDay(asOf, tz), 'USD', orderRefunds(ledger, links, asOf))
 */
export function customerHistories(ledger: PurchaseLedger, asOf: number, asOfDay: number, currency: string, given?: OrderRefunds): CustomerHistories {
  const fold = new HistoryFold(Int32Array.from(ledger.customerRowIds))
  const appCurrency = ledger.currencyIndex(currency)
  const end = ledger.countUntil(asOf)
  const { day, customer, amount } = ledger
  // The refunded orders ascending, walked beside the purchases: the next one is at `next`.
  const refundedOrders = given?.orders ?? new Int32Array(0)
  let next = 0
  for (let i = 0; i < end; i++) {
    const d = day[i] as number
    if (d > asOfDay) break
    let kept = amount[i] as number
    if (refundedOrders[next] === i) {
      next++
      const back = given?.refunded.get(i) ?? 0
      // Refunded in full: not a purchase.
      if (back >= kept) continue
      kept -= back
    }
    fold.add(customer[i] as number, d, kept, ledger.currency[i] === appCurrency)
  }
  const { refunds } = ledger
  for (const j of given?.unlinked ?? []) if (refunds.currency[j] === appCurrency) fold.refund(refunds.customer[j] as number, refunds.amount[j] as number)
  return fold.histories(asOfDay)
}

/**
 * The index of a customer (by row id) in the histories; undefined when the histories do not know the customer.
 *
 * @example
 * const index = historyIndexOf(model.histories, customer.id)
 */
export function historyIndexOf(histories: Pick<CustomerHistories, 'customerRowIds'>, customerRowId: number): number | undefined {
  const ids = histories.customerRowIds
  let low = 0
  let high = ids.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((ids[middle] as number) < customerRowId) low = middle + 1
    else high = middle
  }
  return ids[low] === customerRowId ? low : undefined
}
