import type { PurchaseLedger } from '../ledger'

/**
 * Per customer (by index), what the customer models and RFM need, as of one day: purchase days (several purchases on
 * one day count once, as in the BG/NBD literature), first and last day, orders and revenue in the app's currency, and
 * the spend of the first day (so repeat spend is the rest).
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
  /** Minor units of the app's currency. */
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

  histories(asOfDay: number): CustomerHistories {
    const active: number[] = []
    for (let c = 0; c < this.customerRowIds.length; c++) if (this.#firstDay[c] !== NONE) active.push(c)
    return {
      asOfDay,
      customerRowIds: this.customerRowIds,
      customers: Int32Array.from(active),
      firstDay: this.#firstDay,
      lastDay: this.#lastDay,
      purchaseDays: this.#purchaseDays,
      orders: this.#orders,
      revenue: this.#revenue,
      firstDayRevenue: this.#firstDayRevenue,
    }
  }
}

/**
 * Folds the ledger's purchases up to `asOf` into per-customer histories (indexed as the ledger's customers), in one pass.
 *
 * @example
 * const histories = customerHistories(ledger, Date.parse('1997-09-30T23:59:59Z'), localDay(asOf, tz), 'USD')
 */
export function customerHistories(ledger: PurchaseLedger, asOf: number, asOfDay: number, currency: string): CustomerHistories {
  const fold = new HistoryFold(Int32Array.from(ledger.customerRowIds))
  const appCurrency = ledger.currencyIndex(currency)
  const end = ledger.countUntil(asOf)
  const { day, customer, amount } = ledger
  for (let i = 0; i < end; i++) {
    const d = day[i] as number
    if (d > asOfDay) break
    fold.add(customer[i] as number, d, amount[i] as number, ledger.currency[i] === appCurrency)
  }
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
