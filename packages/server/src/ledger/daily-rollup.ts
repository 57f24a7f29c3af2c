import type { PurchaseLedger } from './purchase-ledger'

/**
 * One currency's sales per local day, and per product per day (a sparse list for each day): what a report needs
 * that does not depend on who bought, summed once per ledger version instead of once per report.
 */
export type DailyRollup = {
  firstDay: number
  /** Days covered: firstDay .. firstDay + days - 1. */
  days: number
  revenue: Float64Array
  orders: Int32Array
  /** Products of day d are at productStart[d] .. productStart[d + 1] - 1. */
  productStart: Int32Array
  product: Int32Array
  productRevenue: Float64Array
  productQuantity: Float64Array
  productOrders: Int32Array
}

/**
 * Sums the ledger's purchases in one currency by local day, and by product and day.
 *
 * @example
 * const rollup = dailyRollup(ledger, ledger.currencyIndex('USD'))
 * rollup.revenue[day - rollup.firstDay] // minor units sold that day
 */
export function dailyRollup(ledger: PurchaseLedger, currency: number): DailyRollup {
  const firstDay = ledger.size > 0 ? (ledger.day[0] as number) : 0
  const days = ledger.size > 0 ? (ledger.day[ledger.size - 1] as number) - firstDay + 1 : 0
  const revenue = new Float64Array(days)
  const orders = new Int32Array(days)
  const productStart = new Int32Array(days + 1)
  const products: number[] = []
  const productRevenue: number[] = []
  const productQuantity: number[] = []
  const productOrders: number[] = []
  // slotOf[product] = 1 + position of the product in the current day's list, 0 when not there yet.
  const slotOf = new Int32Array(ledger.products.length)
  let dayStart = 0
  let currentDay = firstDay
  const closeDay = (nextDay: number) => {
    for (let slot = dayStart; slot < products.length; slot++) slotOf[products[slot] as number] = 0
    for (let d = currentDay; d < nextDay; d++) productStart[d - firstDay + 1] = products.length
    dayStart = products.length
    currentDay = nextDay
  }
  for (let i = 0; i < ledger.size; i++) {
    const day = ledger.day[i] as number
    if (day !== currentDay) closeDay(day)
    if (ledger.currency[i] !== currency) continue
    const d = day - firstDay
    revenue[d] = (revenue[d] as number) + (ledger.amount[i] as number)
    orders[d] = (orders[d] as number) + 1
    for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
      const product = ledger.itemProduct[k] as number
      let slot = (slotOf[product] as number) - 1
      if (slot < 0) {
        slot = products.length
        slotOf[product] = slot + 1
        products.push(product)
        productRevenue.push(0)
        productQuantity.push(0)
        productOrders.push(0)
      }
      productRevenue[slot] = (productRevenue[slot] as number) + (ledger.itemRevenue[k] as number)
      productQuantity[slot] = (productQuantity[slot] as number) + (ledger.itemQuantity[k] as number)
      // A product listed twice in one order counts one order: its previous item is the same order's.
      if (k === (ledger.itemStart[i] as number) || !sameOrderHas(ledger, i, k, product)) productOrders[slot] = (productOrders[slot] as number) + 1
    }
  }
  closeDay(firstDay + days)
  return {
    firstDay,
    days,
    revenue,
    orders,
    productStart,
    product: Int32Array.from(products),
    productRevenue: Float64Array.from(productRevenue),
    productQuantity: Float64Array.from(productQuantity),
    productOrders: Int32Array.from(productOrders),
  }
}

function sameOrderHas(ledger: PurchaseLedger, i: number, before: number, product: number): boolean {
  for (let k = ledger.itemStart[i] as number; k < before; k++) if (ledger.itemProduct[k] === product) return true
  return false
}
