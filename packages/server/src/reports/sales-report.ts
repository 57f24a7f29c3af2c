import { type Interval, localDay, periodLabel, periodStarts, startOfLocalDay } from '../calendar'
import type { PurchaseLedger } from '../ledger'
import { topK } from './top-k'

export type SalesReportQuery = {
  /** First and last local day of the report, included. */
  fromDay: number
  toDay: number
  interval: Interval
  /** Purchases after this instant are not counted. */
  asOf: number
  /** The app's currency: the one revenue is reported in. */
  currency: string
  /** How many top products and customers. Default 10. */
  top?: number
}

export type SalesPeriodFigures = { period: string; start: number; revenue: number; orders: number; customers: number; newCustomers: number }

/** The report in minor units of the app's currency, customers by ledger index (the service names them). */
export type SalesFigures = {
  totals: { revenue: number; orders: number; customers: number; newCustomers: number; repeatCustomers: number }
  series: SalesPeriodFigures[]
  topProducts: { product: number; revenue: number; orders: number; quantity: number }[]
  topCustomers: { customer: number; revenue: number; orders: number }[]
  otherCurrencies: { currency: string; revenue: number; orders: number }[]
}

/**
 * Sales of a range of local days, by period, from the ledger: one pass over the range's purchases. Revenue, orders
 * and customers count purchases in the app's currency; other currencies are totalled apart. A customer is new in
 * the period of their first order ever; a repeat customer of the range has a second order by the range's end.
 *
 * @example
 * const figures = salesFigures(ledger, { fromDay, toDay, interval: 'month', asOf: Date.now(), currency: 'USD' })
 * figures.series[0] // { period: '2026-01', revenue: 1250000, orders: 412, customers: 380, newCustomers: 120, ... }
 */
export function salesFigures(ledger: PurchaseLedger, query: SalesReportQuery): SalesFigures {
  const top = query.top ?? 10
  const starts = periodStarts(query.fromDay, query.toDay, query.interval)
  const periods = starts.length - 1
  const rangeEnd = Math.min(query.asOf, startOfLocalDay(query.toDay + 1, ledger.timeZone))
  const first = ledger.firstIndexOfDay(query.fromDay)
  const last = Math.min(ledger.firstIndexOfDay(query.toDay + 1), ledger.countUntil(query.asOf))
  const appCurrency = ledger.currencyIndex(query.currency)

  const revenue = new Float64Array(periods)
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
  const otherRevenue = new Map<number, { revenue: number; orders: number }>()

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

  // Whole days before the day of `asOf` come from the daily rollup; the day of `asOf` is summed from its purchases.
  const asOfDay = localDay(query.asOf, ledger.timeZone)
  if (appCurrency >= 0) {
    const rollup = ledger.rollup(appCurrency)
    const lastWholeDay = Math.min(query.toDay, asOfDay - 1, rollup.firstDay + rollup.days - 1)
    let p = 0
    for (let d = Math.max(query.fromDay, rollup.firstDay); d <= lastWholeDay; d++) {
      while (d >= (starts[p + 1] as number)) p++
      const at = d - rollup.firstDay
      revenue[p] = (revenue[p] as number) + (rollup.revenue[at] as number)
      orders[p] = (orders[p] as number) + (rollup.orders[at] as number)
      for (let slot = rollup.productStart[at] as number; slot < (rollup.productStart[at + 1] as number); slot++) {
        const product = rollup.product[slot] as number
        productRevenue[product] = (productRevenue[product] as number) + (rollup.productRevenue[slot] as number)
        productQuantity[product] = (productQuantity[product] as number) + (rollup.productQuantity[slot] as number)
        productOrders[product] = (productOrders[product] as number) + (rollup.productOrders[slot] as number)
      }
    }
    if (asOfDay >= query.fromDay && asOfDay <= query.toDay) {
      const partialPeriod = starts.findLastIndex((start) => start <= asOfDay)
      for (let i = Math.max(first, ledger.firstIndexOfDay(asOfDay)); i < last; i++) {
        if (ledger.currency[i] !== appCurrency) continue
        revenue[partialPeriod] = (revenue[partialPeriod] as number) + (ledger.amount[i] as number)
        orders[partialPeriod] = (orders[partialPeriod] as number) + 1
        addProducts(i)
      }
    }
  }

  // Who bought: one lean pass over the range's purchases. A customer's running figures sit side by side
  // ([last period + 1, revenue, orders]) so each purchase touches one cache line of customer state.
  const { day, customer, amount, currency, firstOrder } = ledger
  let p = 0
  for (let i = first; i < last; i++) {
    const d = day[i] as number
    while (d >= (starts[p + 1] as number)) p++
    const code = currency[i] as number
    const value = amount[i] as number
    if (code !== appCurrency) {
      const other = otherRevenue.get(code) ?? { revenue: 0, orders: 0 }
      other.revenue += value
      other.orders++
      otherRevenue.set(code, other)
      continue
    }
    const at = (customer[i] as number) * 3
    if (state[at] !== p + 1) {
      if (state[at] === 0) touched.push(at / 3)
      state[at] = p + 1
      customers[p] = (customers[p] as number) + 1
    }
    if (firstOrder[i] === 1) newCustomers[p] = (newCustomers[p] as number) + 1
    state[at + 1] = (state[at + 1] as number) + value
    state[at + 2] = (state[at + 2] as number) + 1
  }

  let repeatCustomers = 0
  for (const c of touched) if ((ledger.secondOrderAt[c] as number) < rangeEnd) repeatCustomers++
  const sum = (values: Float64Array | Int32Array) => {
    let total = 0
    for (const value of values) total += value
    return total
  }
  return {
    totals: {
      revenue: sum(revenue),
      orders: sum(orders),
      customers: touched.length,
      newCustomers: sum(newCustomers),
      repeatCustomers,
    },
    series: Array.from({ length: periods }, (_, index) => ({
      period: periodLabel(starts[index] as number, query.interval),
      start: starts[index] as number,
      revenue: revenue[index] as number,
      orders: orders[index] as number,
      customers: customers[index] as number,
      newCustomers: newCustomers[index] as number,
    })),
    topProducts: topK(productOrders.keys(), (product) => (productOrders[product] ? (productRevenue[product] as number) : -1), top)
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
    otherCurrencies: [...otherRevenue]
      .map(([code, figures]) => ({ currency: ledger.currencies[code] as string, ...figures }))
      .sort((left, right) => right.orders - left.orders),
  }
}
