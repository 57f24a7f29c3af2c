import { describe, expect, it } from 'vitest'
import { createStoreApp, type PurchaseInput } from '../../test/fixtures/store-app'
import { type RefundInput, writeRefunds } from '../../test/fixtures/store-refunds'
import { seededRandom } from '../../test/fixtures/seeded-random'
import { dayNumber, type Interval, localDay, periodLabel, periodStart } from '../calendar'
import { PurchaseLedger } from '../ledger'
import { salesFigures } from './sales-report'

const ZONE = 'America/New_York'
const PRODUCTS = ['tea', 'cup', 'pot', 'jam', 'mug']

/** A quarter of purchases and refunds (some of orders, partial or whole, with or without items; some of customers). */
function shop() {
  const random = seededRandom(19)
  const store = createStoreApp({ timezone: ZONE })
  const start = Date.parse('2026-01-01T05:00:00Z')
  const purchases: (PurchaseInput & { cents: number; lines: [string, number, number][] })[] = []
  for (let n = 0; n < 400; n++) {
    const lines: [string, number, number][] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => [
      PRODUCTS[Math.floor(random() * PRODUCTS.length)] as string,
      1 + Math.floor(random() * 4),
      100 + Math.floor(random() * 900),
    ])
    const cents = lines.reduce((sum, [, quantity, price]) => sum + quantity * price, 0)
    purchases.push({
      orderId: `o${n}`,
      userId: `c${Math.floor(random() * 40)}`,
      amount: (cents / 100).toFixed(2),
      currency: random() < 0.1 ? 'EUR' : 'USD',
      timestamp: new Date(start + Math.floor(random() * 90 * 86_400_000)).toISOString(),
      items: lines.map(([productId, quantity, price]) => ({ productId, name: productId, quantity, price: (price / 100).toFixed(2) })),
      cents,
      lines,
    })
  }
  store.purchase(...purchases.map(({ cents: _cents, lines: _lines, ...input }) => input))
  const refunds: (RefundInput & { cents: number })[] = []
  purchases.forEach((order, n) => {
    if (random() > 0.25) return
    const at = new Date(Date.parse(order.timestamp) + Math.floor(random() * 40 * 86_400_000)).toISOString()
    const kind = random()
    const base = { refundId: `r${n}`, userId: order.userId, timestamp: at, ...(order.currency ? { currency: order.currency } : {}) }
    if (kind < 0.3) refunds.push({ ...base, orderId: order.orderId, amount: order.amount, cents: order.cents })
    else if (kind < 0.6) {
      const cents = Math.max(1, Math.floor(order.cents * random()))
      refunds.push({ ...base, orderId: order.orderId, amount: (cents / 100).toFixed(2), cents })
    } else if (kind < 0.85) {
      const [productId, , price] = order.lines[0] as [string, number, number]
      refunds.push({ ...base, orderId: order.orderId, amount: (price / 100).toFixed(2), items: [{ productId, name: productId, quantity: 1, price: (price / 100).toFixed(2) }], cents: price })
    } else refunds.push({ ...base, amount: '3.00', cents: 300 })
  })
  writeRefunds(store, ...refunds.map(({ cents: _cents, ...input }) => input))
  const ledger = new PurchaseLedger(store.app.id)
  ledger.refresh(store.stores.ledger, ZONE)
  return { ledger, purchases, refunds }
}

describe('salesFigures', () => {
  const { ledger, purchases, refunds } = shop()

  /** The same figures the slow way, from the inputs: gross and refunds by period, net by customer. */
  function reference(fromDay: number, toDay: number, interval: Interval, asOf: number, since = Number.NEGATIVE_INFINITY) {
    const inRange = (timestamp: string) => {
      const ts = Date.parse(timestamp)
      const day = localDay(ts, ZONE)
      return ts <= asOf && ts >= since && day >= fromDay && day <= toDay ? periodLabel(periodStart(day, interval), interval) : undefined
    }
    const periods = new Map<string, { gross: number; refunds: number }>()
    const customers = new Map<string, number>()
    for (const order of purchases) {
      const period = inRange(order.timestamp)
      if (period === undefined || order.currency === 'EUR') continue
      const figures = periods.get(period) ?? { gross: 0, refunds: 0 }
      periods.set(period, { ...figures, gross: figures.gross + order.cents })
      customers.set(order.userId, (customers.get(order.userId) ?? 0) + order.cents)
    }
    for (const refund of refunds) {
      const period = inRange(refund.timestamp)
      if (period === undefined || refund.currency === 'EUR') continue
      const figures = periods.get(period) ?? { gross: 0, refunds: 0 }
      periods.set(period, { ...figures, refunds: figures.refunds + refund.cents })
      if (customers.has(refund.userId)) customers.set(refund.userId, (customers.get(refund.userId) as number) - refund.cents)
    }
    return { periods, customers }
  }

  const cases: [string, number, number, Interval, number, number?][] = [
    ['a quarter by month, asOf after it', dayNumber('2026-01-01'), dayNumber('2026-04-30'), 'month', Date.parse('2026-06-01T00:00:00Z')],
    ['by week, asOf inside a day', dayNumber('2026-01-05'), dayNumber('2026-03-29'), 'week', Date.parse('2026-03-11T17:30:00Z')],
    ['by day from a date-time', dayNumber('2026-02-10'), dayNumber('2026-02-20'), 'day', Date.parse('2026-02-20T02:00:00Z'), Date.parse('2026-02-10T18:00:00Z')],
  ]
  it.each(cases)('matches the inputs summed one by one: %s', (_name, fromDay, toDay, interval, asOf, since) => {
    const figures = salesFigures(ledger, { fromDay, toDay, interval, asOf, since, currency: 'USD', top: 1000 })
    const expected = reference(fromDay, toDay, interval, asOf, since)
    for (const period of figures.series) {
      const { gross = 0, refunds: given = 0 } = expected.periods.get(period.period) ?? {}
      expect([period.period, period.grossRevenue, period.refunds, period.revenue]).toEqual([period.period, gross, given, gross - given])
    }
    expect(figures.totals.revenue).toBe(figures.totals.grossRevenue - figures.totals.refunds)
    expect(new Map(figures.topCustomers.map(({ customer, revenue }) => [ledger.userIds[customer], revenue]))).toEqual(expected.customers)
    expect(figures.topCustomers.map(({ revenue }) => revenue)).toEqual(figures.topCustomers.map(({ revenue }) => revenue).sort((a, b) => b - a))
  })

  it('nets products so that, over all time, a product’s revenue is what was sold less what was given back', () => {
    const all = salesFigures(ledger, { fromDay: dayNumber('2025-12-01'), toDay: dayNumber('2026-12-31'), interval: 'month', asOf: Date.parse('2027-01-01'), currency: 'USD' })
    const productTotal = all.topProducts.reduce((sum, product) => sum + product.revenue, 0)
    // A refund of the customer alone names no product: the products' net is the total net plus those.
    const customerRefunds = refunds.filter((refund) => refund.orderId === undefined && refund.currency !== 'EUR').reduce((sum, refund) => sum + refund.cents, 0)
    expect(productTotal).toBeCloseTo(all.totals.revenue + customerRefunds, 6)
    expect(all.series.some((period) => period.refunds > 0)).toBe(true)
    expect(all.otherCurrencies).toEqual([
      expect.objectContaining({ currency: 'EUR', refunds: refunds.filter((refund) => refund.currency === 'EUR').reduce((sum, refund) => sum + refund.cents, 0) }),
    ])
  })
})
