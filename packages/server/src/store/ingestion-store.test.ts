import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { commitGroup } from '../ingestion/commit-group'
import { openDatabase, type Db } from './database'
import { IngestionStore, type EventBatchWrite, type EventWrite } from './ingestion-store'
import { createStores } from './stores'

const dirs: string[] = []
const open: Db[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A database file with one app, and a second connection to it (the writer's, as in the server). */
function shop(): { path: string; appId: number; db: Db; customers: () => { user_id: string; id: number }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-ingestion-store-'))
  dirs.push(dir)
  const path = join(dir, 'crm.sqlite')
  const stores = createStores(openDatabase(path, { synchronous: 'NORMAL' }))
  open.push(stores.db)
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_1', ownerId: 'u1', name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  const customers = () => stores.db.prepare<[], { user_id: string; id: number }>('SELECT user_id, id FROM customers ORDER BY id').all()
  return { path, appId: app.id, db: stores.db, customers }
}

function writerOn(path: string, maxCachedCustomers?: number): IngestionStore {
  const db = openDatabase(path, { synchronous: 'NORMAL' })
  open.push(db)
  return new IngestionStore(db, maxCachedCustomers)
}

const user = (userId: string): EventWrite => ({ type: 'user', userId, profile: {} })
const purchase = (orderId: string, userId: string): EventWrite => ({
  type: 'purchase',
  orderId,
  userId,
  amount: 100,
  currency: 'USD',
  timestamp: 1_700_000_000_000,
  timestampGiven: true,
  items: '[]',
})
const batch = (appId: number, ...events: EventWrite[]): EventBatchWrite => ({ appId, appCurrency: 'USD', receivedAt: 0, events })

describe('IngestionStore customer ids', () => {
  it('finds the customers a previous writer created, and creates only the new ones', () => {
    const { path, appId, db, customers } = shop()
    writerOn(path).write([batch(appId, user('a'), user('b'), purchase('o1', 'c'))])
    const before = customers()
    expect(before.map((row) => row.user_id)).toEqual(['a', 'b', 'c'])

    // A restarted server: a new store, whose first write loads the app's ids.
    const restarted = writerOn(path)
    expect(restarted.write([batch(appId, purchase('o2', 'a'), purchase('o3', 'd'), purchase('o4', 'c'), user('d'))])).toEqual([
      ['created', 'created', 'created', 'updated'],
    ])
    expect(customers()).toEqual([...before, { user_id: 'd', id: expect.any(Number) }])
    const owners = db.prepare<[], { order_id: string; user_id: string }>(
      'SELECT p.order_id, c.user_id FROM purchases p JOIN customers c ON c.id = p.customer_id ORDER BY p.order_id',
    )
    expect(owners.all()).toEqual([
      { order_id: 'o1', user_id: 'c' },
      { order_id: 'o2', user_id: 'a' },
      { order_id: 'o3', user_id: 'd' },
      { order_id: 'o4', user_id: 'c' },
    ])
  })

  it('recovers, creating no duplicate, when another connection added a customer after the ids were loaded', () => {
    const { path, appId, customers } = shop()
    const writer = writerOn(path)
    writer.write([batch(appId, user('a'))])
    writerOn(path).write([batch(appId, user('late'))])

    // The writer believes it knows every customer: its insert of "late" fails, the group is written again alone.
    expect(commitGroup(writer, [batch(appId, purchase('o1', 'late'), purchase('o2', 'a'))])).toEqual([{ outcomes: ['created', 'created'] }])
    expect(customers().map((row) => row.user_id)).toEqual(['a', 'late'])
  })

  it('looks customers up one by one for an app too large for the cache, with the same outcomes', () => {
    const { path, appId, customers } = shop()
    writerOn(path).write([batch(appId, user('a'), user('b'), user('c'))])
    const small = writerOn(path, 4)
    expect(small.write([batch(appId, purchase('o1', 'a'), purchase('o2', 'e'), user('b'), purchase('o3', 'e'))])).toEqual([
      ['created', 'created', 'updated', 'created'],
    ])
    expect(small.write([batch(appId, user('f'), user('g'), purchase('o4', 'f'), purchase('o5', 'c'))])).toEqual([
      ['created', 'created', 'created', 'created'],
    ])
    expect(customers().map((row) => row.user_id)).toEqual(['a', 'b', 'c', 'e', 'f', 'g'])
  })
})
