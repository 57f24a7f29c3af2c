import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { dayNumber } from '../calendar'
import { PurchaseLedger } from '../ledger'
import { customerHistories } from './customer-histories'
import { historyOf, predictCustomer, fitCustomerModel } from './customer-model'
import { linkRefunds, refundLinkSource, orderRefunds } from './refund-links'
import { readCustomerHistories } from './stored-histories'

describe('customer histories and the customer model', () => {
  it('merges purchases of one day, keeps repeat spend apart and stops at asOf', () => {
    const { stores, app, purchase } = createStoreApp()
    purchase(
      { orderId: 'o1', userId: 'a', amount: 10, timestamp: '2026-01-01T09:00:00Z' },
      { orderId: 'o2', userId: 'a', amount: 5, timestamp: '2026-01-01T18:00:00Z' },
      { orderId: 'o3', userId: 'a', amount: 30, timestamp: '2026-01-15T10:00:00Z' },
      { orderId: 'o4', userId: 'a', amount: 7, currency: 'EUR', timestamp: '2026-01-22T10:00:00Z' },
      { orderId: 'o5', userId: 'b', amount: 20, timestamp: '2026-01-29T10:00:00Z' },
      { orderId: 'o6', userId: 'a', amount: 99, timestamp: '2026-03-01T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, 'UTC')
    const asOf = Date.parse('2026-02-01T00:00:00Z')
    const histories = customerHistories(ledger, asOf, dayNumber('2026-01-31'), 'USD')
    const a = ledger.userIds.indexOf('a')
    const b = ledger.userIds.indexOf('b')
    expect([...histories.customers].sort()).toEqual([a, b].sort())
    expect(histories.purchaseDays[a]).toBe(3)
    expect(histories.orders[a]).toBe(4)
    expect(histories.revenue[a]).toBe(4500)
    expect(histories.firstDayRevenue[a]).toBe(1500)
    expect(historyOf(histories, a)).toEqual({ frequency: 2, recency: 3, age: 30 / 7 })
    expect(historyOf(histories, b)).toEqual({ frequency: 0, recency: 0, age: 2 / 7 })
    // Two customers are far too few for a fit: the model says so and predicts nothing.
    const model = fitCustomerModel(histories, 0.01)
    expect(model.bgNbd.status).toBe('insufficient-data')
    expect(predictCustomer(model, a, 90)).toBeNull()
  })
})

describe('customer histories net of refunds', () => {
  function refundedShop() {
    const shop = createStoreApp()
    shop.purchase(
      { orderId: 'a1', userId: 'a', amount: 10, timestamp: '2026-01-01T09:00:00Z' },
      { orderId: 'a2', userId: 'a', amount: 40, timestamp: '2026-01-10T10:00:00Z' },
      { orderId: 'a3', userId: 'a', amount: 30, timestamp: '2026-01-20T10:00:00Z' },
      { orderId: 'b1', userId: 'b', amount: 20, timestamp: '2026-01-02T10:00:00Z' },
      { orderId: 'b2', userId: 'b', amount: 60, timestamp: '2026-01-12T10:00:00Z' },
      { orderId: 'c1', userId: 'c', amount: 25, timestamp: '2026-01-03T10:00:00Z' },
    )
    writeRefunds(
      shop,
      // a: the order of Jan 20 back in full (two refunds), a quarter of Jan 10's back.
      { refundId: 'r1', userId: 'a', orderId: 'a3', amount: 10, timestamp: '2026-01-21T10:00:00Z' },
      { refundId: 'r2', userId: 'a', orderId: 'a3', amount: 20, timestamp: '2026-01-22T10:00:00Z' },
      { refundId: 'r3', userId: 'a', orderId: 'a2', amount: 10, timestamp: '2026-01-23T10:00:00Z' },
      // b: 20 back of no order, out of 80: a quarter off each purchase.
      { refundId: 'r4', userId: 'b', amount: 20, timestamp: '2026-01-24T10:00:00Z' },
      // c: its only order back in full, after asOf: still a purchase then.
      { refundId: 'r5', userId: 'c', orderId: 'c1', amount: 25, timestamp: '2026-02-10T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(shop.app.id)
    ledger.refresh(shop.stores.ledger, 'UTC')
    const store = shop.stores.insightInputs
    const links = linkRefunds(ledger, refundLinkSource(store, shop.app.id))
    return { shop, ledger, links }
  }

  it('leaves out orders refunded in full, nets partial refunds from the order, spreads refunds of no order over the spend', () => {
    const { ledger, links } = refundedShop()
    const asOf = Date.parse('2026-01-31T23:59:59Z')
    const histories = customerHistories(ledger, asOf, dayNumber('2026-01-31'), 'USD', orderRefunds(ledger, links, asOf))
    const [a, b, c] = ['a', 'b', 'c'].map((userId) => ledger.userIds.indexOf(userId)) as [number, number, number]
    // a: Jan 1 (10) and Jan 10 (40 − 10); Jan 20 is gone.
    expect([histories.purchaseDays[a], histories.orders[a], histories.revenue[a], histories.firstDayRevenue[a]]).toEqual([2, 2, 4000, 1000])
    expect(historyOf(histories, a)).toEqual({ frequency: 1, recency: 9 / 7, age: 30 / 7 })
    // b: two purchase days still; 80 − 20 = 60, the first day's 20 to 15.
    expect([histories.purchaseDays[b], histories.orders[b], histories.revenue[b], histories.firstDayRevenue[b]]).toEqual([2, 2, 6000, 1500])
    expect([histories.purchaseDays[c], histories.revenue[c]]).toEqual([1, 2500])
    // In February c's only order is refunded: c has no purchase at all.
    const later = Date.parse('2026-02-28T23:59:59Z')
    const february = customerHistories(ledger, later, dayNumber('2026-02-28'), 'USD', orderRefunds(ledger, links, later))
    expect([...february.customers]).toEqual([a, b].sort((x, y) => x - y))
    expect(february.purchaseDays[c]).toBe(0)
  })

  it('reads the same net histories from the store', async () => {
    const { shop, ledger, links } = refundedShop()
    for (const asOf of ['2026-01-21T12:00:00Z', '2026-01-31T23:59:59Z', '2026-02-28T23:59:59Z'].map(Date.parse)) {
      const asOfDay = Math.floor(asOf / 86_400_000)
      const read = await readCustomerHistories(shop.stores.ledger, shop.app, asOf, asOfDay, 'USD', async () => {}, { pageSize: 2, refunds: shop.stores.insightInputs })
      expect(read).toEqual(customerHistories(ledger, asOf, asOfDay, 'USD', orderRefunds(ledger, links, asOf)))
    }
  })
})
