import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { PurchaseLedger } from '../ledger'
import { productSeries } from './product-series'
import { salesSeries } from './sales-series'

describe('productSeries', () => {
  it('is each product’s net revenue by period, refunds on their own dates', () => {
    const shop = createStoreApp()
    const tea = { productId: 'tea', name: 'Tea', quantity: 2, price: 5 }
    const mug = { productId: 'mug', name: 'Mug', quantity: 1, price: 20 }
    shop.purchase(
      { orderId: 'o1', userId: 'a', amount: 30, timestamp: '2026-01-02T10:00:00Z', items: [tea, mug] },
      { orderId: 'o2', userId: 'b', amount: 10, timestamp: '2026-02-05T10:00:00Z', items: [tea] },
    )
    writeRefunds(
      shop,
      // The mug of January back in February; half of February's order back without items (spread over its tea).
      { refundId: 'r1', userId: 'a', orderId: 'o1', amount: 20, timestamp: '2026-02-01T10:00:00Z', items: [mug] },
      { refundId: 'r2', userId: 'b', orderId: 'o2', amount: 5, timestamp: '2026-02-06T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(shop.app.id)
    ledger.refresh(shop.stores.ledger, 'UTC')
    const series = salesSeries(ledger, 'month', Date.parse('2026-03-01T00:00:00Z'), 'USD')
    const byKey = new Map(productSeries(ledger, series, 'USD').map((product) => [product.productId, product.values]))
    expect(byKey.get('tea')).toEqual([1000, 500])
    expect(byKey.get('mug')).toEqual([2000, -2000])
    // The products add up to the net revenue of each month.
    expect(series.revenue).toEqual([3000, -1500])
  })
})
