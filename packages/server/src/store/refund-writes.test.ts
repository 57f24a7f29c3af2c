import { describe, expect, it } from 'vitest'
import { openDatabase } from './database'
import type { EventWrite, PurchaseWrite } from './ingestion-store'
import type { RefundWrite } from './refund-writes'
import { createStores, type Stores } from './stores'

/** An in-memory shop with two apps; refunds go through the ingestion store, as the writer runs them. */
function shop(): { stores: Stores; appId: number; otherAppId: number; write: (appId: number, ...events: EventWrite[]) => string[] } {
  const stores = createStores(openDatabase(':memory:'))
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = (publicId: string) =>
    stores.apps.insertApp({ publicId, ownerId: 'u1', name: publicId, currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 }).id
  const appId = app('app_a')
  const otherAppId = app('app_b')
  const write = (id: number, ...events: EventWrite[]) => stores.ingestion.write([{ appId: id, appCurrency: 'USD', receivedAt: 7, events }])[0]!
  return { stores, appId, otherAppId, write }
}

const order = (orderId: string, userId: string, amount = 1000, currency = 'USD'): PurchaseWrite => ({
  type: 'purchase',
  orderId,
  userId,
  amount,
  currency,
  timestamp: 1_000,
  timestampGiven: true,
  items: '[]',
})
const refund = (refundId: string, userId: string, amount: number, extra: Partial<RefundWrite> = {}): RefundWrite => ({
  type: 'refund',
  refundId,
  userId,
  amount,
  currency: 'USD',
  timestamp: 5_000,
  timestampGiven: true,
  ...extra,
})

describe('RefundWrites', () => {
  it('lets the refunds of an order reach its amount exactly, and refuses the one that would pass it', () => {
    const { stores, appId, write } = shop()
    write(appId, order('o1', 'a'))
    expect(write(appId, refund('r1', 'a', 600, { orderId: 'o1' }), refund('r2', 'a', 401, { orderId: 'o1' }), refund('r3', 'a', 400, { orderId: 'o1' }))).toEqual([
      'created',
      'over_refund',
      'created',
    ])
    expect(write(appId, refund('r4', 'a', 1, { orderId: 'o1' }))).toEqual(['over_refund'])
    const stored = stores.db.prepare('SELECT refund_id, amount, purchase_id IS NOT NULL AS linked FROM refunds ORDER BY id').raw().all()
    expect(stored).toEqual([
      ['r1', 600, 1],
      ['r3', 400, 1],
    ])
  })

  it('names no order for an unknown orderId, another user’s order, or another app’s', () => {
    const { stores, appId, otherAppId, write } = shop()
    write(appId, order('o1', 'a'))
    write(otherAppId, order('theirs', 'a'))
    expect(write(appId, refund('r1', 'a', 1, { orderId: 'nope' }), refund('r2', 'b', 1, { orderId: 'o1' }), refund('r3', 'a', 1, { orderId: 'theirs' }))).toEqual([
      'order_not_found',
      'order_not_found',
      'order_not_found',
    ])
    expect(write(appId, refund('r4', 'a', 1, { orderId: 'o1', currency: 'EUR' }))).toEqual(['currency_mismatch'])
    // None of them created a customer ("b"), a refund, or touched the other app.
    expect(stores.db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(0)
    expect(stores.db.prepare("SELECT count(*) FROM customers WHERE user_id = 'b'").pluck().get()).toBe(0)
    expect(stores.db.prepare('SELECT refunds_count FROM apps ORDER BY id').pluck().all()).toEqual([0, 0])
  })

  it('forgets the messageId of a refused or conflicting refund, so that a corrected resend is taken', () => {
    const { stores, appId, write } = shop()
    write(appId, order('o1', 'a', 500))
    const remembered = () => stores.db.prepare('SELECT message_id FROM messages ORDER BY message_id').pluck().all()
    write(appId, { ...refund('r1', 'a', 500, { orderId: 'o1' }), messageId: 'm1' })
    expect(write(appId, { ...refund('r2', 'a', 1, { orderId: 'o1' }), messageId: 'm2' }, { ...refund('r1', 'a', 499, { orderId: 'o1' }), messageId: 'm3' })).toEqual([
      'over_refund',
      'conflict',
    ])
    expect(remembered()).toEqual(['m1'])
    // Sent again as it was, r1 is a duplicate, not an over-refund of its emptied order.
    expect(write(appId, { ...refund('r1', 'a', 500, { orderId: 'o1' }), messageId: 'm4' }, { ...refund('r1', 'a', 500, { orderId: 'o1' }), messageId: 'm1' })).toEqual([
      'duplicate',
      'duplicate',
    ])
  })

  it('is a duplicate with the same body (the timestamp only when given) and a conflict with any other', () => {
    const { appId, write } = shop()
    write(appId, order('o1', 'a'))
    const first = refund('r1', 'a', 100, { orderId: 'o1', items: '[{"name":"Mug"}]', reason: 'Broken' })
    write(appId, first)
    expect(write(appId, first, { ...first, timestamp: 9, timestampGiven: false })).toEqual(['duplicate', 'duplicate'])
    const changes: Partial<RefundWrite>[] = [
      { amount: 101 },
      { userId: 'b' },
      { orderId: undefined },
      { timestamp: 9 },
      { items: undefined },
      { reason: 'Late' },
      { currency: 'EUR' },
    ]
    expect(write(appId, ...changes.map((change) => ({ ...first, ...change })))).toEqual(changes.map(() => 'conflict'))
  })

  it('without an order, refunds the customer, creating it first seen at the refund, and counts it on the app', () => {
    const { stores, appId, write } = shop()
    expect(write(appId, refund('r1', 'new', 250, { reason: 'Goodwill' }), refund('r2', 'new', 50))).toEqual(['created', 'created'])
    expect(stores.db.prepare("SELECT created_at FROM customers WHERE user_id = 'new'").pluck().get()).toBe(5_000)
    expect(stores.db.prepare('SELECT customers_count, refunds_count, purchases_count FROM apps WHERE id = ?').get(appId)).toEqual({
      customers_count: 1,
      refunds_count: 2,
      purchases_count: 0,
    })
  })
})
