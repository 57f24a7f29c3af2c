import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { dayNumber } from '../calendar'
import { PurchaseLedger } from './purchase-ledger'

describe('dailyRollup', () => {
  it('sums one currency by day and by product and day, an order counting once per product', () => {
    const { stores, app, purchase } = createStoreApp()
    purchase(
      { orderId: 'o1', userId: 'a', amount: '12.00', timestamp: '2026-01-01T10:00:00Z', items: [{ productId: 'tea', name: 'Tea', quantity: 1, price: '5.00' }, { productId: 'tea', name: 'Tea', quantity: 1, price: '7.00' }] },
      { orderId: 'o2', userId: 'b', amount: '3.00', timestamp: '2026-01-01T12:00:00Z', items: [{ productId: 'cup', name: 'Cup', quantity: 3, price: '1.00' }] },
      { orderId: 'o3', userId: 'b', amount: '9.00', currency: 'EUR', timestamp: '2026-01-02T12:00:00Z' },
      { orderId: 'o4', userId: 'a', amount: '5.00', timestamp: '2026-01-04T12:00:00Z', items: [{ productId: 'tea', name: 'Tea', quantity: 1, price: '5.00' }] },
    )
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, 'UTC')
    const rollup = ledger.rollup(ledger.currencyIndex('USD'))
    expect(rollup.firstDay).toBe(dayNumber('2026-01-01'))
    expect(rollup.days).toBe(4)
    expect([...rollup.revenue]).toEqual([1500, 0, 0, 500])
    expect([...rollup.orders]).toEqual([2, 0, 0, 1])
    expect([...rollup.productStart]).toEqual([0, 2, 2, 2, 3])
    const tea = ledger.products.findIndex((product) => product.key === 'tea')
    expect(rollup.product[0]).toBe(tea)
    expect(rollup.productRevenue[0]).toBe(1200)
    expect(rollup.productQuantity[0]).toBe(2)
    expect(rollup.productOrders[0]).toBe(1)
    expect(rollup.productQuantity[1]).toBe(3)
    expect(ledger.rollup(ledger.currencyIndex('USD'))).toBe(rollup)
    expect([...ledger.rollup(ledger.currencyIndex('EUR')).revenue]).toEqual([0, 900, 0, 0])
  })
})

describe('dailyRollup with refunds', () => {
  it('counts refunds on their own days, nets products by what they took off, and covers days of refunds alone', () => {
    const shop = createStoreApp()
    shop.purchase(
      { orderId: 'o1', userId: 'a', amount: '20.00', timestamp: '2026-01-01T10:00:00Z', items: [{ productId: 'tea', name: 'Tea', quantity: 4, price: '5.00' }] },
      { orderId: 'o2', userId: 'b', amount: '9.00', currency: 'EUR', timestamp: '2026-01-02T10:00:00Z' },
    )
    writeRefunds(
      shop,
      { refundId: 'r1', userId: 'a', orderId: 'o1', amount: '5.00', timestamp: '2026-01-03T10:00:00Z', items: [{ productId: 'tea', name: 'Tea', quantity: 1, price: '5.00' }] },
      { refundId: 'r2', userId: 'a', amount: '2.00', timestamp: '2026-01-03T11:00:00Z' },
      { refundId: 'r3', userId: 'b', orderId: 'o2', amount: '9.00', currency: 'EUR', timestamp: '2026-01-04T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(shop.app.id)
    ledger.refresh(shop.stores.ledger, 'UTC')
    const usd = ledger.rollup(ledger.currencyIndex('USD'))
    expect(usd.firstDay).toBe(dayNumber('2026-01-01'))
    expect(usd.days).toBe(4)
    expect([...usd.revenue]).toEqual([2000, 0, 0, 0])
    expect([...usd.refunds]).toEqual([0, 0, 700, 0])
    expect([...usd.productStart]).toEqual([0, 1, 1, 2, 2])
    expect([usd.productRevenue[1], usd.productQuantity[1], usd.productOrders[1]]).toEqual([-500, -1, 0])
    const eur = ledger.rollup(ledger.currencyIndex('EUR'))
    expect([...eur.refunds]).toEqual([0, 0, 0, 900])
    // The whole order back: its one product's revenue and quantity go with it.
    expect([...eur.productRevenue]).toEqual([900, -900])
    expect([...eur.productQuantity]).toEqual([1, -1])
  })

  it('is empty without purchases or refunds', () => {
    const shop = createStoreApp()
    const ledger = new PurchaseLedger(shop.app.id)
    ledger.refresh(shop.stores.ledger, 'UTC')
    expect(ledger.rollup(0)).toMatchObject({ days: 0, firstDay: 0 })
  })
})
