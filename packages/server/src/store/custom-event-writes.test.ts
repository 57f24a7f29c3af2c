import { describe, expect, it } from 'vitest'
import type { CustomEventWrite } from './custom-event-writes'
import { openDatabase } from './database'
import type { EventWrite } from './ingestion-store'
import { createStores } from './stores'

function shop() {
  const stores = createStores(openDatabase(':memory:'))
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = (publicId: string) =>
    stores.apps.insertApp({ publicId, ownerId: 'u1', name: publicId, currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 }).id
  const appId = app('app_a')
  const otherAppId = app('app_b')
  const write = (id: number, ...events: EventWrite[]) => stores.ingestion.write([{ appId: id, appCurrency: 'USD', receivedAt: 7, events }])[0]!
  return { stores, appId, otherAppId, write }
}

const event = (userId: string, name: string, timestamp = 1_000, extra: Partial<CustomEventWrite> = {}): CustomEventWrite => ({
  type: 'event',
  userId,
  name,
  timestamp,
  ...extra,
})

describe('CustomEventWrites', () => {
  it('stores each name once per app, and each event as ids, time and properties', () => {
    const { stores, appId, otherAppId, write } = shop()
    expect(write(appId, event('a', 'Viewed pricing'), event('b', 'Viewed pricing', 2_000, { properties: '{"plan":"pro"}' }), event('a', 'Signed in'))).toEqual([
      'created',
      'created',
      'created',
    ])
    write(otherAppId, event('a', 'Viewed pricing'))
    expect(stores.db.prepare('SELECT app_id, name FROM event_names ORDER BY id').raw().all()).toEqual([
      [appId, 'Viewed pricing'],
      [appId, 'Signed in'],
      [otherAppId, 'Viewed pricing'],
    ])
    const rows = stores.db
      .prepare('SELECT e.app_id, c.user_id, n.name, e.ts, e.properties FROM events e JOIN customers c ON c.id = e.customer_id JOIN event_names n ON n.id = e.name_id ORDER BY e.id')
      .raw()
      .all()
    expect(rows).toEqual([
      [appId, 'a', 'Viewed pricing', 1_000, null],
      [appId, 'b', 'Viewed pricing', 2_000, '{"plan":"pro"}'],
      [appId, 'a', 'Signed in', 1_000, null],
      [otherAppId, 'a', 'Viewed pricing', 1_000, null],
    ])
  })

  it('creates an unknown customer, first seen at the event, and counts customers and events on the app', () => {
    const { stores, appId, write } = shop()
    write(appId, event('a', 'Opened support ticket', 3_000), event('a', 'Closed support ticket', 4_000))
    expect(stores.db.prepare("SELECT created_at FROM customers WHERE user_id = 'a'").pluck().get()).toBe(3_000)
    expect(stores.db.prepare('SELECT customers_count, events_count FROM apps WHERE id = ?').get(appId)).toEqual({ customers_count: 1, events_count: 2 })
  })

  it('is a duplicate by messageId, and counts once', () => {
    const { stores, appId, write } = shop()
    const once = event('a', 'Viewed pricing', 1_000, { messageId: 'm1' })
    expect(write(appId, once, once)).toEqual(['created', 'duplicate'])
    expect(write(appId, once)).toEqual(['duplicate'])
    expect(stores.db.prepare('SELECT events_count FROM apps WHERE id = ?').pluck().get(appId)).toBe(1)
  })

  it('forgets the names a rolled-back transaction created, so the next write recreates them', () => {
    const { stores, appId, write } = shop()
    // A group whose second batch breaks the shared transaction (an app that does not exist): nothing of it stays.
    expect(() => stores.ingestion.write([
      { appId, appCurrency: 'USD', receivedAt: 7, events: [event('a', 'Rolled back')] },
      { appId: 999, appCurrency: 'USD', receivedAt: 7, events: [event('a', 'Other')] },
    ])).toThrow()
    expect(stores.db.prepare('SELECT count(*) FROM event_names').pluck().get()).toBe(0)
    expect(write(appId, event('a', 'Rolled back'))).toEqual(['created'])
    expect(stores.db.prepare('SELECT n.name FROM events e JOIN event_names n ON n.id = e.name_id').pluck().all()).toEqual(['Rolled back'])
  })
})
