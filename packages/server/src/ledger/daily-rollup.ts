import type { PurchaseLedger } from './purchase-ledger'

/**
 * One currency's sales and refunds per local day, and per product per day (a sparse list for each day): what a
 * report needs that does not depend on who bought, summed once per ledger version instead of once per report.
 */
export type DailyRollup = {
  firstDay: number
  /** Days covered (by purchases or refunds): firstDay .. firstDay + days - 1. */
  days: number
  /** Gross: what was sold that day. */
  revenue: Float64Array
  /** What was given back that day, whichever day its order was. */
  refunds: Float64Array
  orders: Int32Array
  /** Products of day d are at productStart[d] .. productStart[d + 1] - 1. */
  productStart: Int32Array
  product: Int32Array
  /** Net: sold that day less what refunds of that day took off the product. */
  productRevenue: Float64Array
  productQuantity: Float64Array
  productOrders: Int32Array
}

/**
 * Sums the ledger's purchases and refunds in one currency by local day, and by product and day (a product's
 * figures net of what that day's refunds took off it).
 *
 * @example
 * const rollup = dailyRollup(ledger, ledger.currencyIndex('USD'))
 * rollup.revenue[day - rollup.firstDay] - rollup.refunds[day - rollup.firstDay] // net minor units that day
 */
export function dailyRollup(ledger: PurchaseLedger, currency: number): DailyRollup {
  const { refunds } = ledger
  const earliest = Math.min(ledger.size > 0 ? (ledger.day[0] as number) : Infinity, refunds.size > 0 ? (refunds.day[0] as number) : Infinity)
  const latest = Math.max(ledger.size > 0 ? (ledger.day[ledger.size - 1] as number) : -Infinity, refunds.size > 0 ? (refunds.day[refunds.size - 1] as number) : -Infinity)
  const firstDay = Number.isFinite(earliest) ? earliest : 0
  const days = Number.isFinite(earliest) ? latest - earliest + 1 : 0
  const revenue = new Float64Array(days)
  const refunded = new Float64Array(days)
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
  // The slot of a product in the current day's list, added when it is not there yet.
  const slotFor = (product: number) => {
    let slot = (slotOf[product] as number) - 1
    if (slot < 0) {
      slot = products.length
      slotOf[product] = slot + 1
      products.push(product)
      productRevenue.push(0)
      productQuantity.push(0)
      productOrders.push(0)
    }
    return slot
  }
  const closeDay = (nextDay: number) => {
    for (let slot = dayStart; slot < products.length; slot++) slotOf[products[slot] as number] = 0
    for (let d = currentDay; d < nextDay; d++) productStart[d - firstDay + 1] = products.length
    dayStart = products.length
    currentDay = nextDay
  }
  // Purchases and refunds are each sorted by day: walk both, a day's purchases then its refunds.
  let i = 0
  let j = 0
  while (i < ledger.size || j < refunds.size) {
    const day = Math.min(i < ledger.size ? (ledger.day[i] as number) : Infinity, j < refunds.size ? (refunds.day[j] as number) : Infinity)
    if (day !== currentDay) closeDay(day)
    const d = day - firstDay
    for (; i < ledger.size && ledger.day[i] === day; i++) {
      if (ledger.currency[i] !== currency) continue
      revenue[d] = (revenue[d] as number) + (ledger.amount[i] as number)
      orders[d] = (orders[d] as number) + 1
      for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
        const product = ledger.itemProduct[k] as number
        const slot = slotFor(product)
        productRevenue[slot] = (productRevenue[slot] as number) + (ledger.itemRevenue[k] as number)
        productQuantity[slot] = (productQuantity[slot] as number) + (ledger.itemQuantity[k] as number)
        // A product listed twice in one order counts one order: its previous item is the same order's.
        if (k === (ledger.itemStart[i] as number) || !sameOrderHas(ledger, i, k, product)) productOrders[slot] = (productOrders[slot] as number) + 1
      }
    }
    for (; j < refunds.size && refunds.day[j] === day; j++) {
      if (refunds.currency[j] !== currency) continue
      refunded[d] = (refunded[d] as number) + (refunds.amount[j] as number)
      for (let k = refunds.itemStart[j] as number; k < (refunds.itemStart[j + 1] as number); k++) {
        const slot = slotFor(refunds.itemProduct[k] as number)
        productRevenue[slot] = (productRevenue[slot] as number) - (refunds.itemRevenue[k] as number)
        productQuantity[slot] = (productQuantity[slot] as number) - (refunds.itemQuantity[k] as number)
      }
    }
  }
  closeDay(firstDay + days)
  return {
    firstDay,
    days,
    revenue,
    refunds: refunded,
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
