import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type AppRow, createStores, type EventWrite, openDatabase, type PurchaseWrite, type Stores } from '../store'
import { CustomersService } from './customers-service'

type Shop = { stores: Stores; app: AppRow; customers: CustomersService; refreshes: number[]; release?: () => void }

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/**
 * A shop on a real file whose totals refresh as the ingestion service's would, counted (with how many purchases
 * waited) and, with `hold`, left pending until released.
 */
function createShop(options: { hold?: boolean } = {}): Shop {
  const dir = mkdtempSync(join(tmpdir(), 'crm-customers-'))
  dirs.push(dir)
  const stores = createStores(openDatabase(join(dir, 'crm.sqlite'), { synchronous: 'NORMAL' }))
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_test', ownerId: 'u1', name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  const shop: Shop = {
    stores,
    app,
    refreshes: [],
    customers: new CustomersService(stores.customers, async () => {
      shop.refreshes.push(stores.totals.pending())
      if (options.hold) await new Promise<void>((resolve) => (shop.release = resolve))
      stores.totals.refresh()
    }),
  }
  return shop
}

let orders = 0
function buy({ stores, app }: Shop, userId: string, count: number, amount = 100): void {
  const events: PurchaseWrite[] = []
  for (let i = 0; i < count; i++) {
    events.push({ type: 'purchase', orderId: `o${++orders}`, userId, amount, currency: 'USD', timestamp: Date.parse('2026-01-01T00:00:00Z') + orders, timestampGiven: true, items: '[]' })
  }
  stores.ingestion.write([{ appId: app.id, appCurrency: app.currency, receivedAt: Date.now(), events }])
}

describe('CustomersService', () => {
  it('refreshes the totals before a list when purchases wait, and only then', async () => {
    const shop = createShop()
    buy(shop, 'a', 1)
    buy(shop, 'b', 2)
    const first = await shop.customers.list(shop.app, { sort: '-revenue', limit: 10 })
    expect(first.data.map((row) => [row.userId, row.orders, row.revenue])).toEqual([
      ['b', 2, 2],
      ['a', 1, 1],
    ])
    expect(shop.refreshes).toEqual([3])

    await shop.customers.list(shop.app, { sort: '-revenue', limit: 10 })
    expect(shop.refreshes).toEqual([3])
    buy(shop, 'a', 2)
    const next = await shop.customers.list(shop.app, { sort: '-revenue', limit: 10 })
    expect(next.data.map((row) => [row.userId, row.orders])).toEqual([
      ['a', 3],
      ['b', 2],
    ])
    expect(shop.refreshes).toEqual([3, 2])
  })

  it('answers a list once the refresh it waits for is done, the event loop free meanwhile', async () => {
    const shop = createShop({ hold: true })
    buy(shop, 'a', 1)
    let answered = false
    const list = shop.customers.list(shop.app, { sort: '-revenue', limit: 10 }).then((page) => {
      answered = true
      return page
    })
    // Timers and other requests go on while the refresh runs elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(answered).toBe(false)
    shop.release!()
    expect((await list).data.map((row) => [row.userId, row.orders])).toEqual([['a', 1]])
  })

  it('reads one customer exactly without a refresh, and refreshes first past 10 000 waiting purchases', async () => {
    const shop = createShop()
    buy(shop, 'a', 3)
    const options = { asOf: Date.now(), horizonDays: 90 }
    const exact = await shop.customers.get(shop.app, 'a', options)
    expect(exact.stats.orders).toBe(3)
    expect(exact.purchases).toHaveLength(3)
    expect((await shop.customers.purchases(shop.app, { userId: 'a', limit: 10 })).data).toHaveLength(3)
    expect(shop.refreshes).toEqual([])

    buy(shop, 'b', 10_000)
    const detail = await shop.customers.get(shop.app, 'a', options)
    expect(shop.refreshes).toEqual([10_003])
    expect(detail.stats.orders).toBe(3)
    buy(shop, 'b', 10_001)
    expect((await shop.customers.purchases(shop.app, { userId: 'b', limit: 5 })).data).toHaveLength(5)
    expect(shop.refreshes).toEqual([10_003, 10_001])
    expect(shop.stores.customers.pendingTotals()).toBe(0)
  })

  it('shows refunds and events in the timeline beside purchases, newest first, and refreshes past 10 000 waiting events', async () => {
    const shop = createShop()
    const { stores, app } = shop
    const at = (date: string) => Date.parse(`${date}T12:00:00Z`)
    const write = (...events: EventWrite[]) => stores.ingestion.write([{ appId: app.id, appCurrency: 'USD', receivedAt: at('2026-01-01'), events }])
    write(
      { type: 'event', userId: 'a', name: 'Viewed pricing', timestamp: at('2026-01-01'), properties: '{"plan":"pro"}' },
      { type: 'purchase', orderId: 'o-a', userId: 'a', amount: 2500, currency: 'USD', timestamp: at('2026-01-02'), timestampGiven: true, items: '[]' },
      { type: 'refund', refundId: 'r-a', userId: 'a', amount: 1250, currency: 'USD', orderId: 'o-a', timestamp: at('2026-01-04'), timestampGiven: true, reason: 'Too big' },
      { type: 'refund', refundId: 'r-goodwill', userId: 'a', amount: 300, currency: 'JPY', timestamp: at('2026-01-03'), timestampGiven: true },
      { type: 'event', userId: 'a', name: 'Opened support ticket', timestamp: at('2026-01-05') },
    )
    const detail = await shop.customers.get(app, 'a', { asOf: Date.now(), horizonDays: 90 })
    expect(detail.timeline).toEqual([
      { type: 'event', at: '2026-01-05T12:00:00.000Z', event: 'Opened support ticket', properties: null },
      { type: 'refund', at: '2026-01-04T12:00:00.000Z', refundId: 'r-a', amount: 12.5, currency: 'USD', orderId: 'o-a', reason: 'Too big' },
      { type: 'refund', at: '2026-01-03T12:00:00.000Z', refundId: 'r-goodwill', amount: 300, currency: 'JPY', orderId: null, reason: null },
      { type: 'purchase', at: '2026-01-02T12:00:00.000Z', orderId: 'o-a', amount: 25, currency: 'USD' },
      { type: 'event', at: '2026-01-01T12:00:00.000Z', event: 'Viewed pricing', properties: { plan: 'pro' } },
      { type: 'signed_up', at: '2026-01-01T12:00:00.000Z' },
    ])

    const many: EventWrite[] = Array.from({ length: 10_001 }, (_, i) => ({ type: 'event', userId: 'b', name: 'Signed in', timestamp: at('2026-01-06') + i }))
    write(...many)
    const again = await shop.customers.get(app, 'a', { asOf: Date.now(), horizonDays: 90 })
    expect(shop.refreshes).toEqual([10_003])
    expect(again.timeline).toEqual(detail.timeline)
  })
})
