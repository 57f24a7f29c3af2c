import type { PurchaseLedger } from '../ledger'

/**
 * Per customer (by ledger index), what the customer models and RFM need, as of one day: purchase days (several
 * purchases on one day count once, as in the BG/NBD literature), first and last day, orders and revenue in the app's
 * currency, and the spend of the first day (so repeat spend is the rest).
 */
export type CustomerHistories = {
  asOfDay: number
  /** Customers with a purchase by `asOfDay`, as ledger indices. */
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
 * Folds the ledger's purchases up to `asOf` into per-customer histories, in one pass.
 *
 * @example
 * const histories = customerHistories(ledger, Date.parse('1997-09-30T23:59:59Z'), localDay(asOf, tz), 'USD')
 */
export function customerHistories(ledger: PurchaseLedger, asOf: number, asOfDay: number, currency: string): CustomerHistories {
  const count = ledger.customerCount
  const firstDay = new Int32Array(count).fill(NONE)
  const lastDay = new Int32Array(count).fill(NONE)
  const purchaseDays = new Int32Array(count)
  const orders = new Int32Array(count)
  const revenue = new Float64Array(count)
  const firstDayRevenue = new Float64Array(count)
  const appCurrency = ledger.currencyIndex(currency)
  const end = ledger.countUntil(asOf)
  const { day, customer, amount } = ledger
  for (let i = 0; i < end; i++) {
    const c = customer[i] as number
    const d = day[i] as number
    if (d > asOfDay) break
    if (firstDay[c] === NONE) firstDay[c] = d
    if (lastDay[c] !== d) {
      lastDay[c] = d
      purchaseDays[c] = (purchaseDays[c] as number) + 1
    }
    orders[c] = (orders[c] as number) + 1
    if (ledger.currency[i] === appCurrency) {
      const value = amount[i] as number
      revenue[c] = (revenue[c] as number) + value
      if (d === firstDay[c]) firstDayRevenue[c] = (firstDayRevenue[c] as number) + value
    }
  }
  const active: number[] = []
  for (let c = 0; c < count; c++) if (firstDay[c] !== NONE) active.push(c)
  return { asOfDay, customers: Int32Array.from(active), firstDay, lastDay, purchaseDays, orders, revenue, firstDayRevenue }
}
