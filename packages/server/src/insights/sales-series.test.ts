import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'
import { PurchaseLedger } from '../ledger'
import { salesSeries } from './sales-series'

function ledgerWith(timestamps: string[]) {
  const { stores, app, purchase } = createStoreApp()
  purchase(...timestamps.map((timestamp, i) => ({ orderId: `o${i}`, userId: `u${i % 3}`, amount: 10, timestamp })))
  const ledger = new PurchaseLedger(app.id)
  ledger.refresh(stores.ledger, 'UTC')
  return ledger
}

describe('salesSeries', () => {
  it('lists whole periods up to the one asOf is in, with zeros where nothing sold', () => {
    const ledger = ledgerWith(['2026-01-02T10:00:00Z', '2026-01-20T10:00:00Z', '2026-03-05T10:00:00Z', '2026-04-02T10:00:00Z'])
    const series = salesSeries(ledger, 'month', Date.parse('2026-04-10T00:00:00Z'), 'USD')
    expect(series.labels).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(series.revenue).toEqual([2000, 0, 1000])
    expect(series.orders).toEqual([2, 0, 1])
    expect(series.averageOrderValue).toEqual([1000, 0, 1000])
    expect(salesSeries(ledger, 'month', Date.parse('2026-04-10T00:00:00Z'), 'USD', 2).labels).toEqual(['2026-02', '2026-03'])
  })

  it('is net of refunds, each on its own date, with the gross and the refunds beside it', () => {
    const shop = createStoreApp()
    shop.purchase(
      { orderId: 'o1', userId: 'a', amount: 100, timestamp: '2026-01-02T10:00:00Z' },
      { orderId: 'o2', userId: 'b', amount: 50, timestamp: '2026-01-20T10:00:00Z' },
      { orderId: 'o3', userId: 'a', amount: 80, timestamp: '2026-02-10T10:00:00Z' },
    )
    writeRefunds(
      shop,
      // January's order given back in February; a refund of no order in January.
      { refundId: 'r1', userId: 'b', orderId: 'o2', amount: 50, timestamp: '2026-02-03T10:00:00Z' },
      { refundId: 'r2', userId: 'a', amount: 10, timestamp: '2026-01-25T10:00:00Z' },
      // After the last complete month: not in the series.
      { refundId: 'r3', userId: 'a', orderId: 'o3', amount: 30, timestamp: '2026-03-02T10:00:00Z' },
    )
    const ledger = new PurchaseLedger(shop.app.id)
    ledger.refresh(shop.stores.ledger, 'UTC')
    const series = salesSeries(ledger, 'month', Date.parse('2026-03-10T00:00:00Z'), 'USD')
    expect(series.labels).toEqual(['2026-01', '2026-02'])
    expect(series.grossRevenue).toEqual([15_000, 8000])
    expect(series.refunds).toEqual([1000, 5000])
    expect(series.revenue).toEqual([14_000, 3000])
    expect(series.orders).toEqual([2, 1])
    expect(series.averageOrderValue).toEqual([7000, 3000])
  })

  it('leaves out a first period the shop opened late in', () => {
    const ledger = ledgerWith(['2026-01-20T10:00:00Z', '2026-02-05T10:00:00Z', '2026-03-05T10:00:00Z'])
    expect(salesSeries(ledger, 'month', Date.parse('2026-04-01T00:00:00Z'), 'USD').labels).toEqual(['2026-02', '2026-03'])
    expect(salesSeries(ledger, 'month', Date.parse('2026-02-10T00:00:00Z'), 'USD').labels).toEqual([])
  })
})
