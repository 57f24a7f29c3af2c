import { describe, expect, it } from 'vitest'
import { createStoreApp, type PurchaseInput } from '../../test/fixtures/store-app'
import { type RefundInput, writeRefunds } from '../../test/fixtures/store-refunds'
import { binomialUpperTail } from '../analytics'
import { PurchaseLedger } from '../ledger'
import { productRefunds } from './product-refunds'

const ASOF = Date.parse('2026-10-01T00:00:00Z')
const DAY = 86_400_000

/**
 * A year of orders of one product each: nine products with 200 orders at 10.00 and 6 refunds (3 %), "mug" with 200
 * and 60 refunds (30 %), "sticker" with 3 orders and 1 refund, "pin" with 25 orders at 0.10 and 10 refunds.
 */
function shop() {
  const store = createStoreApp()
  const purchases: PurchaseInput[] = []
  const refunds: RefundInput[] = []
  let n = 0
  const sell = (productId: string, count: number, refunded: number, price: string) => {
    for (let i = 0; i < count; i++) {
      const orderId = `o${n++}`
      const timestamp = new Date(ASOF - (1 + ((n * 7) % 360)) * DAY).toISOString()
      purchases.push({ orderId, userId: `u${n % 97}`, amount: price, timestamp, items: [{ productId, name: productId.toUpperCase(), quantity: 1, price }] })
      // Every other refund names its item; the others give the whole order back without items: both are returns.
      if (i < refunded) {
        const refund: RefundInput = { refundId: `r-${orderId}`, userId: `u${n % 97}`, orderId, amount: price, timestamp: new Date(Date.parse(timestamp) + 3_600_000).toISOString() }
        refunds.push(i % 2 === 0 ? { ...refund, items: [{ productId, name: productId.toUpperCase(), quantity: 1, price }] } : refund)
      }
    }
  }
  for (let p = 0; p < 9; p++) sell(`p${p}`, 200, 6, '10.00')
  sell('mug', 200, 60, '10.00')
  sell('sticker', 3, 1, '10.00')
  sell('pin', 25, 10, '0.10')
  // A partial refund of money on a p0 order, with no items: not a return of p0.
  refunds.push({ refundId: 'goodwill', userId: 'u11', orderId: 'o10', amount: '1.00', timestamp: new Date(ASOF - 2 * DAY).toISOString() })
  store.purchase(...purchases)
  writeRefunds(store, ...refunds)
  const ledger = new PurchaseLedger(store.app.id)
  ledger.refresh(store.stores.ledger, 'UTC')
  return ledger
}

const evidence = (fact: { evidence: { metric: string; value: number | string }[] }, metric: string) => fact.evidence.find((item) => item.metric === metric)?.value

describe('productRefunds', () => {
  it('finds the product refunded at 30 % among products at 3 %, and neither a small one nor an immaterial one', () => {
    // "pin" (10 of 25) is significant too, but its refunds above the rest's rate are worth 0.86 in a year of 20 032.50
    // gross, under the 0.1 % that matters.
    const facts = productRefunds(shoppedLedger, ASOF, 'USD', 0.01)
    expect(facts.map((fact) => fact.subject.productId)).toEqual(['mug'])
    const [mug] = facts
    // The rest of the shop: 9 × 6 + 1 + 10 refunds in 9 × 200 + 3 + 25 orders.
    const baseline = 65 / 1828
    expect(mug).toMatchObject({ id: 'review-refunds-mug', kind: 'review_refunds', subject: { product: 'MUG', productId: 'mug' } })
    expect(evidence(mug!, 'refundRate')).toBe(0.3)
    expect(evidence(mug!, 'shopRefundRate')).toBe(Math.round(baseline * 10_000) / 10_000)
    expect([evidence(mug!, 'refunds'), evidence(mug!, 'orders'), evidence(mug!, 'productsTested')]).toEqual([60, 200, 11])
    // The smallest p-value of 11 tests: × 11 by Benjamini–Hochberg.
    expect(evidence(mug!, 'pValue')).toBe(Number((binomialUpperTail(60, 200, baseline) * 11).toPrecision(3)))
    expect(evidence(mug!, 'refundedRevenue')).toBe(600)
    // What refunds above the rest's rate cost: 600 × (1 − baseline / 0.3).
    expect(mug!.expectedImpact?.value).toBe(Math.round(600 * (1 - baseline / 0.3) * 100) / 100)
  })

  it('finds nothing in a year before any sale, nor in a currency the shop does not sell in', () => {
    expect(productRefunds(shoppedLedger, ASOF - 400 * DAY, 'USD', 0.01)).toEqual([])
    expect(productRefunds(shoppedLedger, ASOF, 'EUR', 0.01)).toEqual([])
  })
})

const shoppedLedger = shop()
