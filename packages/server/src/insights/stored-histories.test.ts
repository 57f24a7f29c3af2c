import { describe, expect, it } from 'vitest'
import { createStoreApp } from '../../test/fixtures/store-app'
import { dayNumber, localDay } from '../calendar'
import { normalizeUser } from '../ingestion'
import { PurchaseLedger } from '../ledger'
import { customerHistories, historyIndexOf } from './customer-histories'
import { readCustomerHistories } from './stored-histories'

describe('readCustomerHistories', () => {
  it('reads, page by page, the histories the ledger gives: local days, one currency, nothing after asOf', async () => {
    const { stores, app, purchase } = createStoreApp({ timezone: 'America/New_York' })
    const idle = normalizeUser({ userId: 'idle' })
    if (!idle.ok) throw new Error('bad user')
    stores.ingestion.write([{ appId: app.id, appCurrency: app.currency, receivedAt: Date.now(), events: [idle.event] }])
    purchase(
      { orderId: 'o1', userId: 'a', amount: 10, timestamp: '2026-01-01T03:00:00Z' }, // 22:00 on Dec 31 in New York
      { orderId: 'o2', userId: 'a', amount: 5, timestamp: '2026-01-01T06:00:00Z' },
      { orderId: 'o3', userId: 'a', amount: 7, currency: 'EUR', timestamp: '2026-01-01T20:00:00Z' },
      { orderId: 'o4', userId: 'b', amount: 20, timestamp: '2026-01-10T12:00:00Z' },
      { orderId: 'o5', userId: 'a', amount: 99, timestamp: '2026-02-01T03:00:00Z' }, // still Jan 31 in New York
      { orderId: 'o6', userId: 'b', amount: 1, timestamp: '2026-02-01T06:00:00Z' },
    )
    purchase({ orderId: 'o7', userId: 'c', amount: 3, timestamp: '2026-01-05T12:00:00Z' }) // written last, earlier in time
    const asOf = Date.parse('2026-02-01T04:59:59Z')
    const asOfDay = localDay(asOf, app.timezone)
    let pauses = 0
    const read = await readCustomerHistories(stores.ledger, app, asOf, asOfDay, 'USD', async () => void pauses++, { pageSize: 2 })
    const ledger = new PurchaseLedger(app.id)
    ledger.refresh(stores.ledger, app.timezone)
    expect(read).toEqual(customerHistories(ledger, asOf, asOfDay, 'USD'))
    expect(pauses).toBe(3)

    const indexOf = (userId: string) => historyIndexOf(read, stores.customers.findCustomer(app.id, userId)!.id)!
    const a = indexOf('a')
    expect(read.purchaseDays[a]).toBe(3)
    expect(read.orders[a]).toBe(4)
    expect(read.revenue[a]).toBe(11_400)
    expect(read.firstDayRevenue[a]).toBe(1000)
    expect(read.firstDay[a]).toBe(dayNumber('2025-12-31'))
    expect(read.lastDay[a]).toBe(dayNumber('2026-01-31'))
    expect(read.orders[indexOf('b')]).toBe(1)
    expect(read.purchaseDays[indexOf('idle')]).toBe(0)
    expect([...read.customers]).toEqual([a, indexOf('b'), indexOf('c')])
    expect(historyIndexOf(read, Math.max(...read.customerRowIds) + 1)).toBeUndefined()
  })
})
