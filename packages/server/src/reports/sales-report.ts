import { type Interval, localDay, periodLabel, periodStarts, startOfLocalDay } from '../calendar'
import type { PurchaseLedger } from '../ledger'
import { countCustomers, subtractRefunds } from './customer-counts'
import { partialPeriods } from './partial-periods'
import { topK } from './top-k'

export type SalesReportQuery = {
  /** First and last local day of the report, included. */
  fromDay: number
  toDay: number
  interval: Interval
  /** Purchases and refunds after this instant are not counted. */
  asOf: number
  /** Purchases and refunds before this instant are not counted: a range that starts inside its first day. */
  since?: number | undefined
  /** The app's currency: the one revenue is reported in. */
  currency: string
  /** How many top products and customers. Default 10. */
  top?: number
}

export type SalesPeriodFigures = {
  period: string
  start: number
  /** Net: grossRevenue − refunds. */
  revenue: number
  grossRevenue: number
  refunds: number
  orders: number
  customers: number
  newCustomers: number
  /** The range's end (`to` or `asOf`) cuts the period short. */
  partial: boolean
}

/** The report in minor units of the app's currency, customers by ledger index (the service names them). */
export type SalesFigures = {
  totals: { revenue: number; grossRevenue: number; refunds: number; orders: number; customers: number; newCustomers: number; repeatCustomers: number }
  series: SalesPeriodFigures[]
  topProducts: { product: number; revenue: number; orders: number; quantity: number }[]
  topCustomers: { customer: number; revenue: number; orders: number }[]
  otherCurrencies: { currency: string; revenue: number; grossRevenue: number; refunds: number; orders: number }[]
}

/**
 * Sales of a range of local days, by period, from the ledger: one pass over the range's purchases and one over its
 * refunds. Revenue is net: what was sold less what was given back, each on its own date (a refund in March of a
 * January order lowers March). Revenue, orders and customers count the app's currency; other currencies are
 * totalled apart. A customer is new in the period of their first order ever; a repeat customer of the range has a
 * second order by the range's end. Products and customers are ranked by net revenue.
 *
 * @example
 * const figures = salesFigures(ledger, { fromDay, toDay, interval: 'month', asOf: Date.now(), currency: 'USD' })
 * figures.series[0] // { period: '2026-01', revenue: 1200000, grossRevenue: 1250000, refunds: 50000, orders: 412, ... }
 */
export function salesFigures(ledger: PurchaseLedger, query: SalesReportQuery): SalesFigures {
  const top = query.top ?? 10
  const { refunds } = ledger
  const starts = periodStarts(query.fromDay, query.toDay, query.interval)
  const periods = starts.length - 1
  const endOfTo = startOfLocalDay(query.toDay + 1, ledger.timeZone)
  const rangeEnd = Math.min(query.asOf, endOfTo)
  // countUntil(t) is the first purchase after t: after since - 1 is the first at or after since (integer ms).
  const first = query.since === undefined ? ledger.firstIndexOfDay(query.fromDay) : ledger.countUntil(query.since - 1)
  const last = Math.min(ledger.firstIndexOfDay(query.toDay + 1), ledger.countUntil(query.asOf))
  const firstRefund = query.since === undefined ? refunds.firstIndexOfDay(query.fromDay) : refunds.countUntil(query.since - 1)
  const lastRefund = Math.min(refunds.firstIndexOfDay(query.toDay + 1), refunds.countUntil(query.asOf))
  const appCurrency = ledger.currencyIndex(query.currency)

  const revenue = new Float64Array(periods)
  const refunded = new Float64Array(periods)
  const orders = new Int32Array(periods)
  const customers = new Int32Array(periods)
  const newCustomers = new Int32Array(periods)
  const customerCount = ledger.customerCount
  const state = new Float64Array(customerCount * 3)
  const touched: number[] = []
  const productCount = ledger.products.length
  const productRevenue = new Float64Array(productCount)
  const productOrders = new Int32Array(productCount)
  const productQuantity = new Float64Array(productCount)
  const productLastOrder = new Int32Array(productCount)

  const addProducts = (i: number) => {
    for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
      const product = ledger.itemProduct[k] as number
      productRevenue[product] = (productRevenue[product] as number) + (ledger.itemRevenue[k] as number)
      productQuantity[product] = (productQuantity[product] as number) + (ledger.itemQuantity[k] as number)
      if (productLastOrder[product] !== i + 1) {
        productLastOrder[product] = i + 1
        productOrders[product] = (productOrders[product] as number) + 1
      }
    }
  }

  // Whole days before the day of `asOf` come from the daily rollup; the day of `asOf`, and a first day that `since`
  // cuts short, are summed from their purchases and refunds.
  const asOfDay = localDay(query.asOf, ledger.timeZone)
  if (appCurrency >= 0) {
    const rollup = ledger.rollup(appCurrency)
    const firstWholeDay = query.since === undefined ? query.fromDay : query.fromDay + 1
    const lastWholeDay = Math.min(query.toDay, asOfDay - 1, rollup.firstDay + rollup.days - 1)
    let p = 0
    for (let d = Math.max(firstWholeDay, rollup.firstDay); d <= lastWholeDay; d++) {
      while (d >= (starts[p + 1] as number)) p++
      const at = d - rollup.firstDay
      revenue[p] = (revenue[p] as number) + (rollup.revenue[at] as number)
      refunded[p] = (refunded[p] as number) + (rollup.refunds[at] as number)
      orders[p] = (orders[p] as number) + (rollup.orders[at] as number)
      for (let slot = rollup.productStart[at] as number; slot < (rollup.productStart[at + 1] as number); slot++) {
        const product = rollup.product[slot] as number
        productRevenue[product] = (productRevenue[product] as number) + (rollup.productRevenue[slot] as number)
        productQuantity[product] = (productQuantity[product] as number) + (rollup.productQuantity[slot] as number)
        productOrders[product] = (productOrders[product] as number) + (rollup.productOrders[slot] as number)
      }
    }
    const addPurchases = (from: number, to: number, period: number) => {
      for (let i = from; i < to; i++) {
        if (ledger.currency[i] !== appCurrency) continue
        revenue[period] = (revenue[period] as number) + (ledger.amount[i] as number)
        orders[period] = (orders[period] as number) + 1
        addProducts(i)
      }
    }
    const addRefunds = (from: number, to: number, period: number) => {
      for (let j = from; j < to; j++) {
        if (refunds.currency[j] !== appCurrency) continue
        refunded[period] = (refunded[period] as number) + (refunds.amount[j] as number)
        for (let k = refunds.itemStart[j] as number; k < (refunds.itemStart[j + 1] as number); k++) {
          const product = refunds.itemProduct[k] as number
          productRevenue[product] = (productRevenue[product] as number) - (refunds.itemRevenue[k] as number)
          productQuantity[product] = (productQuantity[product] as number) - (refunds.itemQuantity[k] as number)
        }
      }
    }
    // The first day from `since` on; when it is also the day of `asOf`, that day's sum below covers it (from `first`).
    if (query.since !== undefined && query.fromDay < asOfDay) {
      addPurchases(first, Math.min(ledger.firstIndexOfDay(query.fromDay + 1), last), 0)
      addRefunds(firstRefund, Math.min(refunds.firstIndexOfDay(query.fromDay + 1), lastRefund), 0)
    }
    if (asOfDay >= query.fromDay && asOfDay <= query.toDay) {
      const period = starts.findLastIndex((start) => start <= asOfDay)
      addPurchases(Math.max(first, ledger.firstIndexOfDay(asOfDay)), last, period)
      addRefunds(Math.max(firstRefund, refunds.firstIndexOfDay(asOfDay)), lastRefund, period)
    }
  }

  // Who bought: one lean pass over the range's purchases, then its refunds taken off their customers.
  const counts = {
    first,
    last,
    starts,
    appCurrency,
    state,
    customers,
    newCustomers,
    touched,
    otherRevenue: new Float64Array(ledger.currencies.length),
    otherOrders: new Int32Array(ledger.currencies.length),
    otherRefunds: new Float64Array(ledger.currencies.length),
  }
  countCustomers(ledger, counts)
  subtractRefunds(ledger, firstRefund, lastRefund, counts)

  let repeatCustomers = 0
  for (const c of touched) if ((ledger.secondOrderAt[c] as number) < rangeEnd) repeatCustomers++
  const sum = (values: Float64Array | Int32Array) => {
    let total = 0
    for (const value of values) total += value
    return total
  }
  const partial = partialPeriods(starts, Math.min(query.asOf, endOfTo - 1), ledger.timeZone)
  const grossRevenue = sum(revenue)
  const refundTotal = sum(refunded)
  return {
    totals: {
      revenue: grossRevenue - refundTotal,
      grossRevenue,
      refunds: refundTotal,
      orders: sum(orders),
      customers: touched.length,
      newCustomers: sum(newCustomers),
      repeatCustomers,
    },
    series: Array.from({ length: periods }, (_, index) => ({
      period: periodLabel(starts[index] as number, query.interval),
      start: starts[index] as number,
      revenue: (revenue[index] as number) - (refunded[index] as number),
      grossRevenue: revenue[index] as number,
      refunds: refunded[index] as number,
      orders: orders[index] as number,
      customers: customers[index] as number,
      newCustomers: newCustomers[index] as number,
      partial: partial[index] as boolean,
    })),
    topProducts: topK(productOrders.keys(), (product) => (productOrders[product] ? (productRevenue[product] as number) : -Infinity), top)
      .filter((product) => (productOrders[product] as number) > 0)
      .map((product) => ({
        product,
        revenue: productRevenue[product] as number,
        orders: productOrders[product] as number,
        quantity: productQuantity[product] as number,
      })),
    topCustomers: topK(touched, (c) => state[c * 3 + 1] as number, top).map((c) => ({
      customer: c,
      revenue: state[c * 3 + 1] as number,
      orders: state[c * 3 + 2] as number,
    })),
    otherCurrencies: ledger.currencies
      .map((currency, code) => {
        const gross = counts.otherRevenue[code] as number
        const given = counts.otherRefunds[code] as number
        return { currency, revenue: gross - given, grossRevenue: gross, refunds: given, orders: counts.otherOrders[code] as number }
      })
      .filter((other) => other.orders > 0 || other.refunds > 0)
      .sort((left, right) => right.orders - left.orders),
  }
}
