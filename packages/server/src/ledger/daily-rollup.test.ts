import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
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
