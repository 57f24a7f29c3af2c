import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppRow } from './apps-store'
import type { CustomerSort } from './customers-store'
import { openDatabase } from './database'
import type { PurchaseWrite } from './ingestion-store'
import { createStores, type Stores } from './stores'

type Shop = { stores: Stores; app: AppRow }
type RankedRow = { userId: string; revenue: number; rankedRevenue: number; lastPurchaseAt: number | null; rankedLastPurchaseAt: number | null }

const dirs: string[] = []
const open: Stores[] = []
afterEach(() => {
  for (const stores of open.splice(0)) if (stores.db.open) stores.db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-ranking-'))
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

function reopenShop(path: string): Shop {
  const stores = openStores(path)
  return { stores, app: stores.apps.findAppByPublicId('app_test')! }
}

let orders = 0
function purchase(userId: string, amount: number, day: string, currency = 'USD'): PurchaseWrite {
  const timestamp = Date.parse(`${day}T12:00:00Z`)
  return { type: 'purchase', orderId: `o${++orders}`, userId, amount, currency, timestamp, timestampGiven: true, items: '[]' }
}

function buy({ stores, app }: Shop, ...events: PurchaseWrite[]): void {
  stores.ingestion.write([{ appId: app.id, appCurrency: app.currency, receivedAt: Date.now(), events }])
}

function rankedRows({ stores, app }: Shop): Record<string, RankedRow> {
  const rows = stores.db
    .prepare<[number], RankedRow>(
      `SELECT user_id AS userId, revenue, ranked_revenue AS rankedRevenue, last_purchase_at AS lastPurchaseAt,
         ranked_last_purchase_at AS rankedLastPurchaseAt FROM customers WHERE app_id = ?`,
    )
    .all(app.id)
  return Object.fromEntries(rows.map((row) => [row.userId, row]))
}

function orderBySortKey({ stores, app }: Shop, key: 'ranked_revenue' | 'ranked_last_purchase_at'): string[] {
  return stores.db
    .prepare<[number], { userId: string }>(`SELECT user_id AS userId FROM customers WHERE app_id = ? ORDER BY ifnull(${key}, -1) DESC, id DESC`)
    .all(app.id)
    .map((row) => row.userId)
}

function listed({ stores, app }: Shop, sort: CustomerSort): string[] {
  return stores.customers.listCustomers({ appId: app.id, sort, limit: 10 }).rows.map((row) => row.userId)
}

describe('CustomerRankingStore', () => {
  it('leaves the sort keys stale after purchases until refresh() brings them up to date', () => {
    const shop = createShop(tempDatabase())
    const { ranking } = shop.stores
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('b', 300, '2026-01-02'))
    buy(shop, purchase('c', 200, '2026-01-03'), purchase('a', 500, '2026-01-05'))

    expect(ranking.pending()).toBe(4)
    const stale = rankedRows(shop)
    expect(stale.a).toMatchObject({ revenue: 600, rankedRevenue: 0, rankedLastPurchaseAt: null })
    expect(stale.b).toMatchObject({ revenue: 300, rankedRevenue: 0, rankedLastPurchaseAt: null })

    expect(ranking.refresh()).toBe(3)
    expect(ranking.pending()).toBe(0)
    const fresh = rankedRows(shop)
    for (const row of Object.values(fresh)) {
      expect(row.rankedRevenue).toBe(row.revenue)
      expect(row.rankedLastPurchaseAt).toBe(row.lastPurchaseAt)
    }
    expect(orderBySortKey(shop, 'ranked_revenue')).toEqual(['a', 'b', 'c'])
    expect(orderBySortKey(shop, 'ranked_last_purchase_at')).toEqual(['a', 'c', 'b'])
    expect(listed(shop, '-revenue')).toEqual(['a', 'b', 'c'])
    expect(listed(shop, '-lastPurchaseAt')).toEqual(['a', 'c', 'b'])

    expect(ranking.refresh()).toBe(0)
    expect(rankedRows(shop)).toEqual(fresh)
  })

  it('counts only purchases as pending, and moves only customers whose keys changed', () => {
    const shop = createShop(tempDatabase())
    const { ranking } = shop.stores
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('b', 300, '2026-01-02'))
    expect(ranking.refresh()).toBe(2)
    shop.stores.ingestion.write([
      { appId: shop.app.id, appCurrency: 'USD', receivedAt: Date.now(), events: [{ type: 'user', userId: 'd', profile: { name: 'Dee' } }] },
    ])
    expect(ranking.pending()).toBe(0)
    // A purchase in another currency changes neither revenue nor (being older) the last purchase of `b`.
    buy(shop, purchase('b', 900, '2025-12-01', 'EUR'))
    expect(ranking.pending()).toBe(1)
    expect(ranking.refresh()).toBe(0)
    expect(ranking.pending()).toBe(0)
  })

  it('sorts listCustomers by revenue and last purchase correctly without an explicit refresh', () => {
    const shop = createShop(tempDatabase())
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('b', 200, '2026-01-02'))
    shop.stores.ranking.refresh()
    buy(shop, purchase('a', 1000, '2026-01-03'))
    expect(orderBySortKey(shop, 'ranked_revenue')).toEqual(['b', 'a'])
    expect(orderBySortKey(shop, 'ranked_last_purchase_at')).toEqual(['b', 'a'])

    expect(listed(shop, '-revenue')).toEqual(['a', 'b'])
    expect(shop.stores.ranking.pending()).toBe(0)
    buy(shop, purchase('b', 1, '2026-01-04'))
    expect(listed(shop, '-lastPurchaseAt')).toEqual(['b', 'a'])
    expect(rankedRows(shop).b).toMatchObject({ rankedRevenue: 201 })
  })

  it('keeps its watermark in the file: purchases left unranked at close are ranked after reopening', () => {
    const path = tempDatabase()
    const shop = createShop(path)
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('b', 300, '2026-01-02'))
    shop.stores.ranking.refresh()
    buy(shop, purchase('c', 1000, '2026-01-03'))
    shop.stores.db.close()

    const reopened = reopenShop(path)
    expect(reopened.stores.ranking.pending()).toBe(1)
    expect(rankedRows(reopened).c).toMatchObject({ revenue: 1000, rankedRevenue: 0 })
    expect(orderBySortKey(reopened, 'ranked_revenue')).toEqual(['b', 'a', 'c'])
    expect(reopened.stores.ranking.refresh()).toBe(1)
    expect(reopened.stores.ranking.pending()).toBe(0)
    expect(orderBySortKey(reopened, 'ranked_revenue')).toEqual(['c', 'b', 'a'])
    expect(orderBySortKey(reopened, 'ranked_last_purchase_at')).toEqual(['c', 'b', 'a'])
  })

  it('re-ranks revenue when the app changes currency', () => {
    const shop = createShop(tempDatabase())
    buy(shop, purchase('a', 100, '2026-01-01'), purchase('a', 5000, '2026-01-02', 'EUR'), purchase('b', 300, '2026-01-03'))
    shop.stores.ranking.refresh()
    expect(listed(shop, '-revenue')).toEqual(['b', 'a'])

    shop.stores.apps.updateApp(shop.app.id, { name: 'Shop', currency: 'EUR', timezone: 'UTC', language: 'en' })
    const rows = rankedRows(shop)
    expect(rows.a).toMatchObject({ revenue: 5000, rankedRevenue: 5000 })
    expect(rows.b).toMatchObject({ revenue: 0, rankedRevenue: 0 })
    expect(shop.stores.ranking.pending()).toBe(0)
    expect(orderBySortKey(shop, 'ranked_revenue')).toEqual(['a', 'b'])
    expect(listed(shop, '-revenue')).toEqual(['a', 'b'])
  })
})
