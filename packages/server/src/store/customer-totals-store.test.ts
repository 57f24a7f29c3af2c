import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppRow } from './apps-store'
import type { CustomerSort } from './customers-store'
import { openDatabase } from './database'
import type { PurchaseWrite } from './ingestion-store'
import { migrations } from './migrations'
import { createStores, type Stores } from './stores'

type Shop = { stores: Stores; app: AppRow }
type StoredTotals = {
  userId: string
  orders: number
  revenue: number
  revenueOrders: number
  firstPurchaseAt: number | null
  lastPurchaseAt: number | null
  createdAt: number
}

const dirs: string[] = []
const open: Stores[] = []
afterEach(() => {
  for (const stores of open.splice(0)) if (stores.db.open) stores.db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-totals-'))
  dirs.push(dir)
  return join(dir, 'crm.sqlite')
}

function openStores(path: string): Stores {
  const stores = createStores(openDatabase(path, { synchronous: 'NORMAL' }))
  open.push(stores)
  return stores
}

function createShop(path: string, currency = 'USD'): Shop {
  const stores = openStores(path)
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_test', ownerId: 'u1', name: 'Shop', currency, timezone: 'UTC', language: 'en', createdAt: 0 })
  return { stores, app }
}

const day = (date: string) => Date.parse(`${date}T12:00:00Z`)

let orders = 0
function purchase(userId: string, amount: number, date: string, currency = 'USD'): PurchaseWrite {
  return { type: 'purchase', orderId: `o${++orders}`, userId, amount, currency, timestamp: day(date), timestampGiven: true, items: '[]' }
}

function buy({ stores, app }: Shop, ...events: PurchaseWrite[]): void {
  stores.ingestion.write([{ appId: app.id, appCurrency: app.currency, receivedAt: Date.now(), events }])
}

function signUp({ stores, app }: Shop, userId: string, createdAt: string): void {
  stores.ingestion.write([
    { appId: app.id, appCurrency: app.currency, receivedAt: Date.now(), events: [{ type: 'user', userId, profile: {}, createdAt: day(createdAt) }] },
  ])
}

/** The totals as stored, without the delta a read of one customer adds. */
function stored({ stores, app }: Shop): Record<string, StoredTotals> {
  const rows = stores.db
    .prepare<[number], StoredTotals>(
      `SELECT user_id AS userId, orders, revenue, revenue_orders AS revenueOrders, first_purchase_at AS firstPurchaseAt,
         last_purchase_at AS lastPurchaseAt, created_at AS createdAt FROM customers WHERE app_id = ?`,
    )
    .all(app.id)
  return Object.fromEntries(rows.map((row) => [row.userId, row]))
}

function listed({ stores, app }: Shop, sort: CustomerSort): string[] {
  return stores.customers.listCustomers({ appId: app.id, sort, limit: 10 }).rows.map((row) => row.userId)
}

describe('CustomerTotalsStore', () => {
  it('adds the purchases after the watermark to their customers’ totals, in the app’s currency only', () => {
    const shop = createShop(tempDatabase())
    const { totals } = shop.stores
    signUp(shop, 'a', '2026-01-03')
    buy(shop, purchase('a', 100, '2026-01-04'), purchase('b', 300, '2026-01-02'))
    buy(shop, purchase('a', 500, '2026-01-01'), purchase('a', 900, '2026-01-05', 'EUR'))

    expect(totals.pending()).toBe(4)
    expect(stored(shop).a).toMatchObject({ orders: 0, revenue: 0, firstPurchaseAt: null, createdAt: day('2026-01-03') })

    expect(totals.refresh()).toBe(2)
    expect(totals.pending()).toBe(0)
    expect(stored(shop)).toEqual({
      // The purchase of 1 January predates the sign-up: the customer was there by then.
      a: { userId: 'a', orders: 3, revenue: 600, revenueOrders: 2, firstPurchaseAt: day('2026-01-01'), lastPurchaseAt: day('2026-01-05'), createdAt: day('2026-01-01') },
      b: { userId: 'b', orders: 1, revenue: 300, revenueOrders: 1, firstPurchaseAt: day('2026-01-02'), lastPurchaseAt: day('2026-01-02'), createdAt: day('2026-01-02') },
    })

    // Nothing new: nothing changes, and later purchases are added once, on top.
    expect(totals.refresh()).toBe(0)
    buy(shop, purchase('b', 50, '2026-02-01'))
    expect(totals.refresh()).toBe(1)
    expect(stored(shop).b).toMatchObject({ orders: 2, revenue: 350, lastPurchaseAt: day('2026-02-01') })
  })

  it('counts only purchases as pending', () => {
    const shop = createShop(tempDatabase())
    buy(shop, purchase('a', 100, '2026-01-01'))
    shop.stores.totals.refresh()
    signUp(shop, 'd', '2026-01-01')
    expect(shop.stores.totals.pending()).toBe(0)
  })

  it('lists customers by their stored totals, which a refresh brings up to date', () => {
    const shop = createShop(tempDatabase())
    const { customers, totals } = shop.stores
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('b', 200, '2026-01-02'))
    expect(customers.pendingTotals()).toBe(2)
    totals.refresh()
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])
    buy(shop, purchase('a', 1000, '2026-01-03'))
    expect(customers.pendingTotals()).toBe(1)
    // The list itself writes nothing: the customers service refreshes first, on the writer thread.
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])
    totals.refresh()
    expect(listed(shop, '-revenue')).toEqual(['a', 'b'])
    buy(shop, purchase('b', 1, '2026-01-04'))
    totals.refresh()
    expect(listed(shop, '-lastPurchaseAt')).toEqual(['b', 'a'])
    const page = customers.listCustomers({ appId: shop.app.id, sort: 'name', limit: 10 })
    expect(page.rows.map((row) => [row.userId, row.orders, row.revenue])).toEqual([
      ['a', 2, 1100],
      ['b', 2, 201],
    ])
  })

  it('reads one customer exactly without a refresh: the stored totals plus its own purchases after the watermark', () => {
    const shop = createShop(tempDatabase())
    signUp(shop, 'a', '2026-01-10')
    buy(shop, purchase('a', 100, '2026-01-12'))
    shop.stores.totals.refresh()
    buy(shop, purchase('a', 250, '2026-01-05'), purchase('a', 999, '2026-01-20', 'EUR'), purchase('b', 7, '2026-01-06'))

    expect(shop.stores.totals.pending()).toBe(3)
    expect(shop.stores.customers.findCustomer(shop.app.id, 'a')).toMatchObject({
      orders: 3,
      revenue: 350,
      revenueOrders: 2,
      firstPurchaseAt: day('2026-01-05'),
      lastPurchaseAt: day('2026-01-20'),
      createdAt: day('2026-01-05'),
    })
    expect(shop.stores.totals.pending()).toBe(3)
    shop.stores.totals.refresh()
    expect(shop.stores.customers.findCustomer(shop.app.id, 'a')).toMatchObject({ orders: 3, revenue: 350, createdAt: day('2026-01-05') })
    expect(shop.stores.customers.findCustomer(shop.app.id, 'b')).toMatchObject({ orders: 1, revenue: 7 })
  })

  it('keeps its watermark in the file: purchases left out at close are added after reopening', () => {
    const path = tempDatabase()
    const shop = createShop(path)
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('b', 300, '2026-01-02'))
    shop.stores.totals.refresh()
    buy(shop, purchase('c', 1000, '2026-01-03'))
    shop.stores.db.close()

    const stores = openStores(path)
    const reopened = { stores, app: stores.apps.findAppByPublicId('app_test')! }
    expect(stores.totals.pending()).toBe(1)
    expect(stored(reopened).c).toMatchObject({ orders: 0, revenue: 0 })
    expect(stores.totals.refresh()).toBe(1)
    expect(listed(reopened, '-revenue')).toEqual(['c', 'b', 'a'])
    expect(stored(reopened).c).toMatchObject({ orders: 1, revenue: 1000 })
  })

  it('recounts revenue when the app changes currency, leaving no purchase to be added twice', () => {
    const shop = createShop(tempDatabase())
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('a', 5000, '2026-01-02', 'EUR'), purchase('b', 300, '2026-01-03'))
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])
    buy(shop, purchase('b', 40, '2026-01-04', 'EUR'))

    shop.stores.apps.updateApp(shop.app.id, { name: 'Shop', currency: 'EUR', timezone: 'UTC', language: 'en' })
    expect(shop.stores.totals.pending()).toBe(0)
    expect(stored(shop).a).toMatchObject({ orders: 2, revenue: 5000, revenueOrders: 1 })
    expect(stored(shop).b).toMatchObject({ orders: 2, revenue: 40, revenueOrders: 1 })
    expect(listed(shop, '-revenue')).toEqual(['a', 'b'])
  })

  it('migrates a database whose totals were kept at every purchase: its watermark starts after the last one', () => {
    const path = tempDatabase()
    const before = openDatabase(path, { synchronous: 'NORMAL', migrations: migrations.filter((m) => m.version <= 3) })
    before.exec(`
      INSERT INTO users (id, name, email, password_hash, created_at) VALUES ('u1', 'Ada', 'ada@example.com', 'x', 0);
      INSERT INTO apps (id, public_id, owner_id, name, currency, timezone, language, created_at) VALUES (1, 'app_test', 'u1', 'Shop', 'USD', 'UTC', 'en', 0);
      INSERT INTO customers (id, app_id, user_id, created_at, updated_at, first_purchase_at, last_purchase_at, orders, revenue, revenue_orders, ranked_revenue, ranked_last_purchase_at)
        VALUES (1, 1, 'a', 5, 5, 10, 10, 1, 700, 1, 0, NULL), (2, 1, 'b', 5, 5, 20, 20, 1, 900, 1, 900, 20);
      INSERT INTO purchases (id, app_id, order_id, customer_id, amount, currency, ts, items, received_at)
        VALUES (1, 1, 'o-a', 1, 700, 'USD', 10, '[]', 10), (2, 1, 'o-b', 2, 900, 'USD', 20, '[]', 20);
    `)
    before.close()

    const stores = openStores(path)
    const shop = { stores, app: stores.apps.findAppByPublicId('app_test')! }
    expect(stores.totals.pending()).toBe(0)
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])
    expect(stored(shop).a).toMatchObject({ orders: 1, revenue: 700 })
    expect(stores.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%ranking%'").all()).toEqual([])
    // Migration 5 filled customer_purchases with the purchases up to the watermark and dropped the index it replaces.
    expect(stores.db.prepare('SELECT customer_id, ts, purchase_id FROM customer_purchases').raw().all()).toEqual([
      [1, 10, 1],
      [2, 20, 2],
    ])
    expect(stores.db.prepare("SELECT name FROM sqlite_master WHERE name = 'purchases_by_customer'").all()).toEqual([])
    // Migration 6 gave customer_purchases its own watermark, where the shared one was.
    expect(stores.db.prepare('SELECT totals_through, purchases_through FROM customer_totals').raw().get()).toEqual([2, 2])
  })

  it('keeps each customer’s purchases by time in customer_purchases, up to the watermark, in the same transaction', () => {
    const shop = createShop(tempDatabase())
    const byCustomer = () => shop.stores.db.prepare('SELECT customer_id, ts, purchase_id FROM customer_purchases').raw().all()
    buy(shop, purchase('b', 1, '2026-01-05'), purchase('a', 2, '2026-01-04'), purchase('b', 3, '2026-01-01'))
    expect(byCustomer()).toEqual([])
    shop.stores.totals.refresh()
    const [b, a] = ['b', 'a'].map((userId) => shop.stores.customers.findCustomer(shop.app.id, userId)!.id) as [number, number]
    expect(byCustomer()).toEqual([
      [b, day('2026-01-01'), 3],
      [b, day('2026-01-05'), 1],
      [a, day('2026-01-04'), 2],
    ])
    buy(shop, purchase('a', 4, '2026-01-02'))
    expect(byCustomer()).toHaveLength(3)
    shop.stores.totals.refresh()
    expect(byCustomer()).toContainEqual([a, day('2026-01-02'), 4])
  })

  it('refreshes its two parts apart, each to its own watermark, and reads stay exact in between', () => {
    const shop = createShop(tempDatabase())
    const { customers, totals, db } = shop.stores
    const byCustomer = () => db.prepare('SELECT purchase_id FROM customer_purchases').pluck().all()
    const exact = () => ({
      a: customers.findCustomer(shop.app.id, 'a'),
      purchases: customers.recentPurchases(customers.findCustomer(shop.app.id, 'a')!.id, 10).map((row) => row.amount),
      listed: listed(shop, '-revenue'),
    })
    buy(shop, purchase('a', 100, '2026-01-02'), purchase('b', 50, '2026-01-03'))
    totals.refresh()
    buy(shop, purchase('a', 30, '2026-01-05'), purchase('b', 200, '2026-01-04'))
    const expected = { ...exact(), listed: ['b', 'a'] }
    expect(expected.a).toMatchObject({ orders: 2, revenue: 130 })
    expect(expected.purchases).toEqual([30, 100])

    expect(totals.refreshTotals()).toBe(2)
    expect(stored(shop).b).toMatchObject({ orders: 2, revenue: 250 })
    expect(byCustomer()).toHaveLength(2) // customer_purchases waits for its own part
    expect(totals.pending()).toBe(2)
    expect(exact()).toEqual(expected)

    expect(totals.refreshCustomerHistories()).toBe(2)
    expect(byCustomer()).toHaveLength(4)
    expect(totals.pending()).toBe(0)
    expect(exact()).toEqual(expected)

    // The other way round, and each part alone does nothing twice.
    buy(shop, purchase('a', 1000, '2026-01-06'))
    expect(totals.refreshCustomerHistories()).toBe(1)
    expect(totals.refreshCustomerHistories()).toBe(0)
    expect(stored(shop).a).toMatchObject({ orders: 2, revenue: 130 })
    expect(customers.findCustomer(shop.app.id, 'a')).toMatchObject({ orders: 3, revenue: 1130 })
    expect(totals.refreshTotals()).toBe(1)
    expect(totals.refreshTotals()).toBe(0)
    expect(stored(shop).a).toMatchObject({ orders: 3, revenue: 1130 })
    expect(customers.recentPurchases(customers.findCustomer(shop.app.id, 'a')!.id, 10).map((row) => row.amount)).toEqual([1000, 30, 100])
  })

  it('reads a customer’s purchases alike on both sides of the watermark: pages, ranges and order across them', () => {
    const shop = createShop(tempDatabase())
    const { customers, totals } = shop.stores
    const dates = ['2026-01-10', '2026-01-03', '2026-01-07', '2026-01-01', '2026-01-07', '2026-01-05']
    buy(shop, ...dates.slice(0, 3).map((date, i) => purchase('a', 100 + i, date)), purchase('other', 1, '2026-01-06'))
    totals.refresh()
    // Three more after the watermark, older and newer than those before it, and one on the same day as one of them.
    buy(shop, ...dates.slice(3).map((date, i) => purchase('a', 103 + i, date)))
    const a = customers.findCustomer(shop.app.id, 'a')!.id
    const expected = dates
      .map((date, i) => ({ amount: 100 + i, ts: day(date) }))
      .sort((x, y) => y.ts - x.ts || y.amount - x.amount) // ids grow with the amounts here
      .map((row) => row.amount)

    const read = () => {
      const pages: number[][] = []
      let after: { value: number; id: number } | undefined
      for (;;) {
        const page = customers.listPurchases({ appId: shop.app.id, customerId: a, limit: 2, ...(after ? { after } : {}) })
        if (page.length === 0) break
        pages.push(page.map((row) => row.amount))
        const last = page.at(-1)!
        after = { value: last.ts, id: last.id }
      }
      return {
        recent: customers.recentPurchases(a, 4).map((row) => row.amount),
        pages,
        inRange: customers.listPurchases({ appId: shop.app.id, customerId: a, from: day('2026-01-03'), to: day('2026-01-08'), limit: 10 }).map((row) => row.amount),
      }
    }
    const beforeRefresh = read()
    expect(totals.pending()).toBe(3)
    expect(beforeRefresh.recent).toEqual(expected.slice(0, 4))
    expect(beforeRefresh.pages.flat()).toEqual(expected)
    expect(beforeRefresh.pages.every((page) => page.length <= 2)).toBe(true)
    expect(beforeRefresh.inRange).toEqual([104, 102, 105, 101])
    totals.refresh()
    expect(read()).toEqual(beforeRefresh)
  })

  it('keeps each customer’s events by time in customer_activity, and reads them alike on both sides of its watermark', () => {
    const shop = createShop(tempDatabase())
    const { customers, totals, db, ingestion } = shop.stores
    const track = (userId: string, name: string, date: string) =>
      ingestion.write([{ appId: shop.app.id, appCurrency: 'USD', receivedAt: 0, events: [{ type: 'event', userId, name, timestamp: day(date) }] }])
    track('a', 'Viewed pricing', '2026-01-05')
    track('b', 'Signed in', '2026-01-01')
    track('a', 'Signed in', '2026-01-02')
    expect(totals.pending()).toBe(3)
    const a = customers.findCustomer(shop.app.id, 'a')!.id
    const read = () => customers.recentCustomEvents(shop.app.id, a, 10).map((row) => `${row.name} ${new Date(row.ts).toISOString().slice(0, 10)}`)
    expect(read()).toEqual(['Viewed pricing 2026-01-05', 'Signed in 2026-01-02'])

    expect(totals.refreshTotals()).toBe(0) // no purchase: the totals part has nothing to do, the events wait for theirs
    expect(totals.pending()).toBe(3)
    expect(totals.refreshCustomerHistories()).toBe(3)
    expect(totals.pending()).toBe(0)
    expect(db.prepare('SELECT customer_id, ts, event_id FROM customer_activity').raw().all()).toEqual([
      [a, day('2026-01-02'), 3],
      [a, day('2026-01-05'), 1],
      [customers.findCustomer(shop.app.id, 'b')!.id, day('2026-01-01'), 2],
    ])
    // One after the watermark, older than those before it, and one newer.
    track('a', 'Opened support ticket', '2026-01-03')
    track('a', 'Abandoned cart', '2026-01-06')
    expect(read()).toEqual(['Abandoned cart 2026-01-06', 'Viewed pricing 2026-01-05', 'Opened support ticket 2026-01-03', 'Signed in 2026-01-02'])
    expect(customers.recentCustomEvents(shop.app.id, a, 2)).toHaveLength(2)
    const before = read()
    totals.refresh()
    expect(read()).toEqual(before)
    expect(db.prepare('SELECT events_through FROM customer_totals').pluck().get()).toBe(5)
  })
})
