import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from './database'
import type { PurchaseWrite } from './ingestion-store'
import { PurchaseAppender } from './purchase-appender'
import { createStores } from './stores'

const open: Db[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

/** An in-memory database with one app and two customers. */
function shop(): { db: Db; appId: number; customerIds: [number, number] } {
  const stores = createStores(openDatabase(':memory:'))
  open.push(stores.db)
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_1', ownerId: 'u1', name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  const insert = stores.db.prepare<[number, string], { id: number }>(
    `INSERT INTO customers (app_id, user_id, traits, created_at, updated_at) VALUES (?, ?, '{}', 0, 0) RETURNING id`,
  )
  return { db: stores.db, appId: app.id, customerIds: [insert.get(app.id, 'a')!.id, insert.get(app.id, 'b')!.id] }
}

const purchase = (n: number, extra: Partial<PurchaseWrite> = {}): PurchaseWrite => ({
  type: 'purchase',
  orderId: `o${n}`,
  userId: n % 2 === 0 ? 'a' : 'b',
  messageId: `m${n}`,
  amount: 100 + n,
  currency: n % 3 === 0 ? 'EUR' : 'USD',
  timestamp: 1_700_000_000_000 + n,
  timestampGiven: true,
  items: `[{"n":${n}}]`,
  ...extra,
})

type Row = { order_id: string; customer_id: number; amount: number; currency: string; ts: number; items: string; properties: string | null; received_at: number }
const rows = (db: Db) =>
  db.prepare<[], Row>('SELECT order_id, customer_id, amount, currency, ts, items, properties, received_at FROM purchases ORDER BY id').all()
const messages = (db: Db) => db.prepare<[], string>('SELECT message_id FROM messages ORDER BY message_id').pluck().all()

describe('PurchaseAppender', () => {
  it('appends runs of every length in chunks, each purchase to its customer, in order', () => {
    const { db, appId, customerIds } = shop()
    const appender = new PurchaseAppender(db)
    let next = 0
    const expected: Row[] = []
    // 1 to 130 rows: every chunk size (64, 32, …, 1) and sums of them.
    for (const length of [1, 2, 3, 7, 64, 65, 100, 127, 130]) {
      // Every fifth purchase has properties and no messageId.
      const run = Array.from({ length }, () => {
        const n = next++
        return purchase(n, n % 5 === 4 ? { properties: '{"p":1}', messageId: undefined } : {})
      })
      const owners = run.map((event) => customerIds[event.userId === 'a' ? 0 : 1])
      expect(appender.tryAppend(appId, 42, run, owners)).toBe(true)
      run.forEach((event, i) =>
        expected.push({
          order_id: event.orderId,
          customer_id: owners[i]!,
          amount: event.amount,
          currency: event.currency,
          ts: event.timestamp,
          items: event.items,
          properties: event.properties ?? null,
          received_at: 42,
        }),
      )
    }
    expect(rows(db)).toEqual(expected)
    expect(messages(db)).toEqual(Array.from({ length: next }, (_, n) => n).filter((n) => n % 5 !== 4).map((n) => `m${n}`).sort())
  })

  it.each([
    ['a messageId seen before', [purchase(10, { messageId: 'm1' })]],
    ['a messageId twice in the run', [purchase(10, { messageId: 'm9' }), purchase(11, { messageId: 'm9' })]],
    ['an orderId taken before', [purchase(10, { orderId: 'o1', messageId: 'fresh' })]],
    ['an orderId twice in the run', [purchase(10), purchase(11, { orderId: 'o10' })]],
  ])('writes nothing and answers false for %s', (_, tail) => {
    const { db, appId, customerIds } = shop()
    const appender = new PurchaseAppender(db)
    expect(appender.tryAppend(appId, 1, [purchase(0), purchase(1)], [customerIds[0], customerIds[1]])).toBe(true)
    const before = { rows: rows(db), messages: messages(db) }

    const run = [purchase(2), purchase(3), ...tail]
    expect(appender.tryAppend(appId, 2, run, run.map(() => customerIds[0]))).toBe(false)
    expect({ rows: rows(db), messages: messages(db) }).toEqual(before)
  })

  it('rolls back only its own savepoint inside a larger transaction', () => {
    const { db, appId, customerIds } = shop()
    const appender = new PurchaseAppender(db)
    db.transaction(() => {
      expect(appender.tryAppend(appId, 1, [purchase(0), purchase(1)], customerIds)).toBe(true)
      expect(appender.tryAppend(appId, 1, [purchase(2), purchase(0)], customerIds)).toBe(false)
    })()
    expect(rows(db).map((row) => row.order_id)).toEqual(['o0', 'o1'])
  })
})
