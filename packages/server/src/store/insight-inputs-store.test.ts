import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { writeRefunds } from '../../test/fixtures/store-refunds'

const DAY = 86_400_000

describe('InsightInputsStore', () => {
  it('links refunds to their orders, and sums them per order and per customer as of an instant', () => {
    const shop = createStoreApp()
    shop.purchase(
      { orderId: 'o1', userId: 'a', amount: '20.00', timestamp: '2026-01-01T10:00:00Z' },
      { orderId: 'o2', userId: 'b', amount: '9.00', timestamp: '2026-01-02T10:00:00Z' },
    )
    writeRefunds(
      shop,
      { refundId: 'r1', userId: 'a', orderId: 'o1', amount: '5.00', timestamp: '2026-01-03T10:00:00Z' },
      { refundId: 'r2', userId: 'a', orderId: 'o1', amount: '15.00', timestamp: '2026-02-03T10:00:00Z' },
      { refundId: 'r3', userId: 'b', amount: '2.00', timestamp: '2026-01-04T10:00:00Z' },
      { refundId: 'r4', userId: 'b', amount: '3.00', currency: 'EUR', timestamp: '2026-01-04T11:00:00Z' },
    )
    const store = shop.stores.insightInputs
    const a = shop.stores.customers.findCustomer(shop.app.id, 'a')!.id
    const b = shop.stores.customers.findCustomer(shop.app.id, 'b')!.id
    const o1 = shop.stores.db.prepare<[], number>("SELECT id FROM purchases WHERE order_id = 'o1'").pluck().get()!
    const refundId = (id: string) => shop.stores.db.prepare<[string], number>('SELECT id FROM refunds WHERE refund_id = ?').pluck().get(id)!
    const links = store.refundLinks(shop.app.id, Number.MAX_SAFE_INTEGER).sort((left, right) => left[0] - right[0])
    expect(links).toEqual([
      [Date.parse('2026-01-03T10:00:00Z'), a, 500, o1, Date.parse('2026-01-01T10:00:00Z'), 2000, refundId('r1')],
      [Date.parse('2026-02-03T10:00:00Z'), a, 1500, o1, Date.parse('2026-01-01T10:00:00Z'), 2000, refundId('r2')],
    ])
    // Only the refunds a ledger has read (up to its watermark).
    const firstRefund = refundId('r1')
    expect(store.refundLinks(shop.app.id, firstRefund)).toHaveLength(1)
    expect(store.refundLinks(shop.app.id, Number.MAX_SAFE_INTEGER, firstRefund).map((row) => row[6])).toEqual([refundId('r2')])
    expect(store.orderRefunds(shop.app.id, Date.parse('2026-02-01T00:00:00Z'))).toEqual(new Map([[o1, 500]]))
    expect(store.orderRefunds(shop.app.id, Date.parse('2026-03-01T00:00:00Z'))).toEqual(new Map([[o1, 2000]]))
    expect(store.unlinkedRefunds(shop.app.id, 'USD', Date.parse('2026-03-01T00:00:00Z'))).toEqual(new Map([[b, 200]]))
    expect(store.unlinkedRefunds(shop.app.id, 'USD', Date.parse('2026-01-04T09:00:00Z'))).toEqual(new Map())
    expect(store.twinRank(o1)).toBe(0)
  })

  it('ranks identical twin orders by row id', () => {
    const shop = createStoreApp()
    const twin = { userId: 'a', amount: '5.00', timestamp: '2026-01-01T10:00:00Z' }
    shop.purchase({ orderId: 'o1', ...twin }, { orderId: 'o2', ...twin }, { orderId: 'o3', ...twin, amount: '6.00' }, { orderId: 'o4', ...twin })
    const id = (orderId: string) => shop.stores.db.prepare<[string], number>('SELECT id FROM purchases WHERE order_id = ?').pluck().get(orderId)!
    expect(['o1', 'o2', 'o3', 'o4'].map((orderId) => shop.stores.insightInputs.twinRank(id(orderId)))).toEqual([0, 1, 0, 2])
  })

  it('counts each customer’s custom events in the last window and the one before', () => {
    const shop = createStoreApp()
    const asOf = Date.parse('2026-03-01T00:00:00Z')
    const event = (userId: string, daysBefore: number) => ({ type: 'event' as const, userId, name: 'Viewed pricing', timestamp: asOf - daysBefore * DAY })
    shop.stores.ingestion.write([
      {
        appId: shop.app.id,
        appCurrency: 'USD',
        receivedAt: asOf,
        events: [event('a', 1), event('a', 29.9), event('a', 30), event('a', 45), event('a', 60), event('b', 0), event('b', -1), event('c', 61)],
      },
    ])
    const rows = shop.stores.insightInputs.recentActivity(shop.app.id, asOf, 30 * DAY).sort((left, right) => left[1].localeCompare(right[1]))
    // (asOf − 30 days, asOf] is recent, (asOf − 60 days, asOf − 30 days] earlier; nothing after asOf or before both.
    expect(rows.map(([, userId, recent, earlier]) => [userId, recent, earlier])).toEqual([
      ['a', 2, 2],
      ['b', 1, 0],
    ])
    expect(rows[0]![0]).toBe(shop.stores.customers.findCustomer(shop.app.id, 'a')!.id)
  })
})
