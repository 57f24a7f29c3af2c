import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppRow } from './apps-store'
import type { CustomerSort } from './customers-store'
import { openDatabase } from './database'
import type { EventWrite } from './ingestion-store'
import { migrations } from './migrations'
import { createStores, type Stores } from './stores'

// The customers' totals net of refunds, and when each was last seen (migration 8): derived in bulk after the
// watermarks, exact for one customer between refreshes.

type Shop = { stores: Stores; app: AppRow }
type Stored = { revenue: number; refunds: number; orders: number; revenueOrders: number; lastPurchaseAt: number | null; lastSeenAt: number | null }

const dirs: string[] = []
const open: Stores[] = []
afterEach(() => {
  for (const stores of open.splice(0)) if (stores.db.open) stores.db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-net-totals-'))
  dirs.push(dir)
  return join(dir, 'crm.sqlite')
}

function openStores(path: string): Stores {
  const stores = createStores(openDatabase(path, { synchronous: 'NORMAL' }))
  open.push(stores)
  return stores
}

function createShop(path = tempDatabase()): Shop {
  const stores = openStores(path)
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_test', ownerId: 'u1', name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  return { stores, app }
}

const day = (date: string) => Date.parse(`${date}T12:00:00Z`)
let ids = 0

function write({ stores, app }: Shop, ...events: EventWrite[]): void {
  const outcomes = stores.ingestion.write([{ appId: app.id, appCurrency: app.currency, receivedAt: 0, events }])
  expect(outcomes[0]!.every((outcome) => outcome === 'created')).toBe(true)
}

/** A purchase with orderId `orderId`. */
const purchase = (orderId: string, userId: string, amount: number, date: string, currency = 'USD'): EventWrite => ({
  type: 'purchase',
  orderId,
  userId,
  amount,
  currency,
  timestamp: day(date),
  timestampGiven: true,
  items: '[]',
})

/** A refund of order `orderId`, or of the customer alone when it is undefined. */
const refund = (userId: string, amount: number, date: string, orderId?: string, currency = 'USD'): EventWrite => ({
  type: 'refund',
  refundId: `r${++ids}`,
  userId,
  amount,
  currency,
  timestamp: day(date),
  timestampGiven: true,
  ...(orderId === undefined ? {} : { orderId }),
})

const track = (userId: string, date: string, name = 'Viewed pricing'): EventWrite => ({ type: 'event', userId, name, timestamp: day(date) })

/** The totals as stored, without the delta a read of one customer adds. */
function stored({ stores, app }: Shop, userId: string): Stored {
  return stores.db
    .prepare<[number, string], Stored>(
      `SELECT revenue, refunds, orders, revenue_orders AS revenueOrders, last_purchase_at AS lastPurchaseAt, last_seen_at AS lastSeenAt
       FROM customers WHERE app_id = ? AND user_id = ?`,
    )
    .get(app.id, userId)!
}

function exact({ stores, app }: Shop, userId: string): Stored {
  const { revenue, refunds, orders, revenueOrders, lastPurchaseAt, lastSeenAt } = stores.customers.findCustomer(app.id, userId)!
  return { revenue, refunds, orders, revenueOrders, lastPurchaseAt, lastSeenAt }
}

function listed({ stores, app }: Shop, sort: CustomerSort): string[] {
  return stores.customers.listCustomers({ appId: app.id, sort, limit: 10 }).rows.map((row) => row.userId)
}

describe('customer totals net of refunds', () => {
  it('takes the refunds after the watermark off their customers’ revenue, in the app’s currency only', () => {
    const shop = createShop()
    const { totals } = shop.stores
    write(shop, purchase('o1', 'a', 10_000, '2026-01-02'), purchase('o2', 'a', 5_000, '2026-01-03', 'EUR'), purchase('o3', 'b', 700, '2026-01-04'))
    totals.refresh()
    // Of an order, of the customer alone (a goodwill credit), and of an order in another currency.
    write(shop, refund('a', 2_550, '2026-01-05', 'o1'), refund('a', 1_001, '2026-01-06'), refund('a', 4_000, '2026-01-07', 'o2', 'EUR'))
    expect(totals.pending()).toBe(3)
    expect(stored(shop, 'a')).toMatchObject({ revenue: 10_000, refunds: 0, lastSeenAt: day('2026-01-03') })

    expect(totals.refresh()).toBe(1)
    expect(totals.pending()).toBe(0)
    expect(stored(shop, 'a')).toEqual({
      revenue: 10_000 - 2_550 - 1_001,
      refunds: 2_550 + 1_001,
      orders: 2,
      revenueOrders: 1,
      lastPurchaseAt: day('2026-01-03'),
      lastSeenAt: day('2026-01-07'),
    })
    expect(stored(shop, 'b')).toMatchObject({ revenue: 700, refunds: 0, lastSeenAt: day('2026-01-04') })
    expect(listed(shop, '-revenue')).toEqual(['a', 'b'])

    // Later refunds are added once, on top; nothing new changes nothing.
    expect(totals.refresh()).toBe(0)
    write(shop, refund('a', 6_000, '2026-01-01', 'o1'))
    expect(totals.refresh()).toBe(1)
    expect(stored(shop, 'a')).toMatchObject({ revenue: 10_000 - 2_550 - 1_001 - 6_000, refunds: 9_551, lastSeenAt: day('2026-01-07') })
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])
  })

  it('creates a customer from a refund alone, with negative net revenue and no orders', () => {
    const shop = createShop()
    write(shop, refund('goodwill', 300, '2026-02-01'))
    expect(exact(shop, 'goodwill')).toEqual({ revenue: -300, refunds: 300, orders: 0, revenueOrders: 0, lastPurchaseAt: null, lastSeenAt: day('2026-02-01') })
    shop.stores.totals.refresh()
    expect(stored(shop, 'goodwill')).toEqual(exact(shop, 'goodwill'))
  })

  it('reads one customer exactly between refreshes: stored totals plus its purchases, refunds and events after the watermarks', () => {
    const shop = createShop()
    const { totals } = shop.stores
    write(shop, purchase('o1', 'a', 4_000, '2026-03-01'), refund('a', 500, '2026-03-02', 'o1'), track('a', '2026-03-03'))
    totals.refresh()
    write(
      shop,
      purchase('o2', 'a', 2_000, '2026-03-04'),
      refund('a', 250, '2026-03-05', 'o2'),
      refund('a', 99, '2026-03-06'),
      refund('b', 1, '2026-03-20'),
      track('a', '2026-03-10'),
      track('a', '2026-02-01'),
    )
    const expected = { revenue: 4_000 + 2_000 - 500 - 250 - 99, refunds: 849, orders: 2, revenueOrders: 2, lastPurchaseAt: day('2026-03-04'), lastSeenAt: day('2026-03-10') }
    expect(stored(shop, 'a')).toMatchObject({ revenue: 3_500, refunds: 500, lastSeenAt: day('2026-03-03') })
    expect(exact(shop, 'a')).toEqual(expected)
    totals.refresh()
    expect(stored(shop, 'a')).toEqual(expected)
    expect(exact(shop, 'a')).toEqual(expected)
    expect(exact(shop, 'b')).toMatchObject({ revenue: -1, refunds: 1, lastSeenAt: day('2026-03-20') })
  })

  it('refreshes in two parts: refunds with the totals, events’ last seen with the histories, and reads stay exact in between', () => {
    const shop = createShop()
    const { totals } = shop.stores
    write(shop, purchase('o1', 'a', 1_000, '2026-04-01'), purchase('o2', 'b', 800, '2026-04-02'))
    totals.refresh()
    write(shop, refund('a', 400, '2026-04-03', 'o1'), track('b', '2026-04-09'), track('a', '2026-04-05'))
    const expected = { a: exact(shop, 'a'), b: exact(shop, 'b') }
    expect(expected.a).toMatchObject({ revenue: 600, refunds: 400, lastSeenAt: day('2026-04-05') })
    expect(expected.b).toMatchObject({ revenue: 800, refunds: 0, lastSeenAt: day('2026-04-09') })

    expect(totals.refreshTotals()).toBe(1)
    expect(stored(shop, 'a')).toMatchObject({ revenue: 600, refunds: 400, lastSeenAt: day('2026-04-03') }) // its event waits
    expect(stored(shop, 'b').lastSeenAt).toBe(day('2026-04-02'))
    expect(totals.pending()).toBe(2)
    expect({ a: exact(shop, 'a'), b: exact(shop, 'b') }).toEqual(expected)
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])

    expect(totals.refreshCustomerHistories()).toBe(2)
    expect(totals.pending()).toBe(0)
    expect(stored(shop, 'a')).toEqual(expected.a)
    expect(stored(shop, 'b')).toEqual(expected.b)
    expect({ a: exact(shop, 'a'), b: exact(shop, 'b') }).toEqual(expected)

    // The other way round: the events' part first, each part once.
    write(shop, refund('b', 800, '2026-04-10', 'o2'), track('a', '2026-04-11'))
    expect(totals.refreshCustomerHistories()).toBe(1)
    expect(stored(shop, 'a').lastSeenAt).toBe(day('2026-04-11'))
    expect(exact(shop, 'b')).toMatchObject({ revenue: 0, refunds: 800, lastSeenAt: day('2026-04-10') })
    expect(totals.refreshTotals()).toBe(1)
    expect(totals.refreshTotals()).toBe(0)
    expect(stored(shop, 'b')).toMatchObject({ revenue: 0, refunds: 800, lastSeenAt: day('2026-04-10') })
  })

  it('sorts by last seen: an event makes a customer the most recent, an older one does not', () => {
    const shop = createShop()
    const { totals } = shop.stores
    write(shop, purchase('o1', 'a', 100, '2026-05-01'), purchase('o2', 'b', 100, '2026-05-03'), { type: 'user', userId: 'quiet', profile: {} })
    totals.refresh()
    expect(listed(shop, '-lastSeenAt')).toEqual(['b', 'a', 'quiet'])
    write(shop, track('a', '2026-05-04'), track('b', '2026-04-01'))
    totals.refresh()
    expect(listed(shop, '-lastSeenAt')).toEqual(['a', 'b', 'quiet'])
    expect(stored(shop, 'b').lastSeenAt).toBe(day('2026-05-03'))
    expect(stored(shop, 'quiet').lastSeenAt).toBeNull()
    write(shop, refund('b', 10, '2026-05-05', 'o2'))
    totals.refresh()
    expect(listed(shop, '-lastSeenAt')).toEqual(['b', 'a', 'quiet'])
    // Pages continue after the keyset of the last row.
    const first = shop.stores.customers.listCustomers({ appId: shop.app.id, sort: '-lastSeenAt', limit: 1 })
    const rest = shop.stores.customers.listCustomers({ appId: shop.app.id, sort: '-lastSeenAt', limit: 5, after: first.keyOf(first.rows[0]!) })
    expect(rest.rows.map((row) => row.userId)).toEqual(['a', 'quiet'])
  })

  it('recounts refunds when the app changes currency, leaving none to be taken off twice', () => {
    const shop = createShop()
    const { apps, totals } = shop.stores
    write(shop, purchase('o1', 'a', 1_000, '2026-06-01'), purchase('o2', 'a', 3_000, '2026-06-02', 'EUR'), refund('a', 200, '2026-06-03', 'o1'))
    totals.refresh()
    write(shop, refund('a', 500, '2026-06-04', 'o2', 'EUR'), refund('a', 70, '2026-06-05', undefined, 'EUR'))
    apps.updateApp(shop.app.id, { name: 'Shop', currency: 'EUR', timezone: 'UTC', language: 'en' })
    expect(totals.pending()).toBe(0)
    expect(stored(shop, 'a')).toMatchObject({ revenue: 3_000 - 500 - 70, refunds: 570, orders: 2, revenueOrders: 1, lastSeenAt: day('2026-06-05') })
    apps.updateApp(shop.app.id, { name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en' })
    expect(stored(shop, 'a')).toMatchObject({ revenue: 800, refunds: 200, revenueOrders: 1 })
    expect(exact(shop, 'a')).toMatchObject({ revenue: 800, refunds: 200 })
  })

  it('migrates a database of migration 7: net revenue, refunds and last seen from its rows, the watermark after the last refund', () => {
    const path = tempDatabase()
    const before = openDatabase(path, { synchronous: 'NORMAL', migrations: migrations.filter((m) => m.version <= 7) })
    before.exec(`
      INSERT INTO users (id, name, email, password_hash, created_at) VALUES ('u1', 'Ada', 'ada@example.com', 'x', 0);
      INSERT INTO apps (id, public_id, owner_id, name, currency, timezone, language, created_at) VALUES (1, 'app_test', 'u1', 'Shop', 'USD', 'UTC', 'en', 0);
      INSERT INTO customers (id, app_id, user_id, created_at, updated_at, first_purchase_at, last_purchase_at, orders, revenue, revenue_orders)
        VALUES (1, 1, 'a', 5, 5, 10, 10, 1, 700, 1), (2, 1, 'b', 5, 5, 20, 20, 1, 900, 1), (3, 1, 'c', 5, 5, NULL, NULL, 0, 0, 0),
               (4, 1, 'd', 5, 5, NULL, NULL, 0, 0, 0);
      INSERT INTO purchases (id, app_id, order_id, customer_id, amount, currency, ts, items, received_at)
        VALUES (1, 1, 'o-a', 1, 700, 'USD', 10, '[]', 10), (2, 1, 'o-b', 2, 900, 'USD', 20, '[]', 20);
      INSERT INTO refunds (id, app_id, refund_id, customer_id, purchase_id, amount, currency, ts, received_at)
        VALUES (1, 1, 'r1', 1, 1, 200, 'USD', 30, 30), (2, 1, 'r2', 1, NULL, 5, 'USD', 15, 15), (3, 1, 'r3', 2, NULL, 50, 'EUR', 40, 40);
      INSERT INTO event_names (id, app_id, name) VALUES (1, 1, 'Signed in');
      INSERT INTO events (id, app_id, customer_id, name_id, ts) VALUES (1, 1, 3, 1, 50), (2, 1, 2, 1, 60), (3, 1, 4, 1, 70);
      INSERT INTO customer_activity (app_id, customer_id, ts, event_id) VALUES (1, 3, 50, 1), (1, 2, 60, 2);
      INSERT INTO customer_purchases (customer_id, ts, purchase_id) VALUES (1, 10, 1), (2, 20, 2);
      UPDATE customer_totals SET totals_through = 2, purchases_through = 2, events_through = 2;
    `)
    before.close()

    const stores = openStores(path)
    const shop = { stores, app: stores.apps.findAppByPublicId('app_test')! }
    expect(stores.db.prepare('SELECT refunds_through FROM customer_totals').pluck().get()).toBe(3)
    expect(stored(shop, 'a')).toMatchObject({ revenue: 495, refunds: 205, lastSeenAt: 30 })
    expect(stored(shop, 'b')).toMatchObject({ revenue: 900, refunds: 0, lastSeenAt: 60 })
    expect(stored(shop, 'c')).toMatchObject({ revenue: 0, refunds: 0, lastSeenAt: 50 })
    // d's event came after events_through: the next refresh takes it, and a read of d counts it already.
    expect(stored(shop, 'd').lastSeenAt).toBeNull()
    expect(exact(shop, 'd').lastSeenAt).toBe(70)
    expect(stores.totals.pending()).toBe(1)
    stores.totals.refresh()
    expect(listed(shop, '-lastSeenAt')).toEqual(['d', 'b', 'c', 'a'])
    expect(stores.db.prepare("SELECT name FROM sqlite_master WHERE name = 'customers_by_last_seen'").pluck().get()).toBe('customers_by_last_seen')
  })
})
