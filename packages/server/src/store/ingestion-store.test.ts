import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { commitGroup } from '../ingestion/commit-group'
import { openDatabase, type Db } from './database'
import { IngestionStore, type EventBatchWrite, type EventWrite, type PurchaseWrite } from './ingestion-store'
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
const withId = (event: EventWrite, messageId: string): EventWrite => ({ ...event, messageId })
const purchase = (orderId: string, userId: string): PurchaseWrite => ({
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

describe('IngestionStore outcomes', () => {

  it('tells each event of a mixed batch its outcome, and keeps the rows and counters of the new ones only', () => {
    const { path, appId, db } = shop()
    const writer = writerOn(path)
    writer.write([batch(appId, user('a'), user('b'))])
    const first = batch(
      appId,
      withId(purchase('o1', 'a'), 'm1'),
      withId(purchase('o2', 'b'), 'm2'),
      withId(user('c'), 'm3'),
      withId(purchase('o3', 'c'), 'm4'),
      withId(purchase('o4', 'd'), 'm5'),
      withId(purchase('o5', 'd'), 'm6'),
      withId(purchase('o1', 'a'), 'm7'),
      withId(purchase('o6', 'a'), 'm7'),
    )
    // o1 again with the same body is a replay; m7 again is a retry.
    expect(writer.write([first])).toEqual([['created', 'created', 'created', 'created', 'created', 'created', 'duplicate', 'duplicate']])
    // The whole request again (a client retry), then o2 reused for another amount: a conflict that keeps nothing.
    expect(writer.write([first])).toEqual([first.events.map(() => 'duplicate')])
    const conflicting: EventWrite = { ...purchase('o2', 'b'), amount: 999, messageId: 'm8' }
    expect(writer.write([batch(appId, withId(purchase('o7', 'a'), 'm9'), conflicting, withId(purchase('o8', 'b'), 'm10'))])).toEqual([
      ['created', 'conflict', 'created'],
    ])

    const orders = db.prepare<[], { order_id: string; user_id: string; amount: number }>(
      'SELECT p.order_id, c.user_id, p.amount FROM purchases p JOIN customers c ON c.id = p.customer_id ORDER BY p.id',
    )
    expect(orders.all()).toEqual([
      { order_id: 'o1', user_id: 'a', amount: 100 },
      { order_id: 'o2', user_id: 'b', amount: 100 },
      { order_id: 'o3', user_id: 'c', amount: 100 },
      { order_id: 'o4', user_id: 'd', amount: 100 },
      { order_id: 'o5', user_id: 'd', amount: 100 },
      { order_id: 'o7', user_id: 'a', amount: 100 },
      { order_id: 'o8', user_id: 'b', amount: 100 },
    ])
    // The conflict's messageId is forgotten, so that a corrected resend can be taken.
    expect(db.prepare('SELECT count(*) FROM messages WHERE message_id = ?').pluck().get('m8')).toBe(0)
    expect(db.prepare('SELECT customers_count, purchases_count FROM apps WHERE id = ?').get(appId)).toEqual({ customers_count: 4, purchases_count: 7 })
  })
})

describe('IngestionStore messageIds', () => {
  const remembered = (db: Db) => db.prepare<[], string>('SELECT message_id FROM messages ORDER BY message_id').pluck().all()

  it('records every messageId of a group at once, and each event alone when one was seen before', () => {
    const { path, appId, db } = shop()
    const writer = writerOn(path)
    const first = batch(appId, withId(purchase('o1', 'a'), 'm1'), withId(user('b'), 'm2'))
    const second = batch(appId, withId(purchase('o2', 'a'), 'm3'), purchase('o3', 'a'))
    expect(writer.write([first, second])).toEqual([['created', 'created'], ['created', 'created']])
    expect(remembered(db)).toEqual(['m1', 'm2', 'm3'])

    // m2 again, beside new ids: the group's single insert is undone, and each event is checked in order.
    const retry = batch(appId, withId(purchase('o4', 'b'), 'm4'), withId(user('b'), 'm2'), withId(purchase('o5', 'b'), 'm5'))
    expect(writer.write([retry])).toEqual([['created', 'duplicate', 'created']])
    expect(remembered(db)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5'])
    expect(db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(5)
  })

  it('falls back for one app only, and never keeps an id twice in one group', () => {
    const { path, appId, db } = shop()
    const other = createStores(db).apps.insertApp({ publicId: 'app_2', ownerId: 'u1', name: 'Other', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
    const writer = writerOn(path)
    const twice = batch(other.id, withId(purchase('o1', 'x'), 'same'), withId(purchase('o2', 'x'), 'same'))
    expect(writer.write([batch(appId, withId(purchase('o1', 'a'), 'same')), twice])).toEqual([['created'], ['created', 'duplicate']])
    expect(db.prepare('SELECT app_id, message_id FROM messages ORDER BY app_id').all()).toEqual([
      { app_id: appId, message_id: 'same' },
      { app_id: other.id, message_id: 'same' },
    ])
  })

  it('recognises ids with escapes, emoji and line separators whichever way they were recorded', () => {
    const { path, appId, db } = shop()
    const writer = writerOn(path)
    const ids = ['quote " back \\ slash', 'emoji 😀 é', 'line\u2028separator']
    const events = ids.map((id, index) => withId(purchase(`o${index}`, 'a'), id))
    expect(writer.write([batch(appId, ...events)])).toEqual([events.map(() => 'created')])
    expect(remembered(db)).toHaveLength(ids.length)
    // Sent again, the group insert fails and every event is checked alone, by a bound parameter: all are seen.
    const again = ids.map((id, index) => withId(purchase(`n${index}`, 'a'), id))
    expect(writer.write([batch(appId, ...again)])).toEqual([again.map(() => 'duplicate')])
    expect(db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(ids.length)
  })
})
