import { describe, expect, it } from 'vitest'
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
  const event = (userId: string, name: string, timestamp: number): EventWrite => ({ type: 'event', userId, name, timestamp })
  const write = (id: number, ...events: EventWrite[]) => stores.ingestion.write([{ appId: id, appCurrency: 'USD', receivedAt: 7, events }])
  return { stores, appId, otherAppId, event, write }
}

describe('EventLogStore', () => {
  it('reads an app’s events in time order page by page, then the ones after a watermark, and nothing of another app', () => {
    const { stores, appId, otherAppId, event, write } = shop()
    write(appId, event('a', 'Signed in', 3_000), event('b', 'Viewed pricing', 1_000), event('a', 'Viewed pricing', 1_000))
    write(otherAppId, event('z', 'Other app', 500))
    const store = stores.eventLog
    const maxId = store.lastEventId()
    expect(store.eventCount(appId)).toBe(3)
    const first = [...store.eventPage(appId, { ts: Number.MIN_SAFE_INTEGER, id: 0 }, maxId, 2)]
    expect(first.map((row) => row[3])).toEqual([1_000, 1_000])
    const last = first[1]!
    const rest = [...store.eventPage(appId, { ts: last[3], id: last[0] }, maxId, 2)]
    expect(rest.map((row) => row[3])).toEqual([3_000])
    // Page positions are (ts, id): the two events at 1 000 come in id order.
    expect(first[0]![0]).toBeLessThan(first[1]![0])

    write(appId, event('c', 'Signed in', 2_000))
    expect([...store.eventPage(appId, { ts: Number.MIN_SAFE_INTEGER, id: 0 }, maxId, 10)]).toHaveLength(3)
    const after = [...store.eventsAfter(appId, maxId)]
    expect(after.map((row) => row[3])).toEqual([2_000])
    expect(store.eventCount(appId)).toBe(4)

    const names = new Map(store.namesAfter(appId, 0).map(([id, name]) => [id, name]))
    expect([...names.values()].sort()).toEqual(['Signed in', 'Viewed pricing'])
    expect(names.get(after[0]![2])).toBe('Signed in')
    expect(store.namesAfter(otherAppId, 0).map(([, name]) => name)).toEqual(['Other app'])
  })

  it('pages through the time index, without a sort', () => {
    const { stores } = shop()
    const plan = stores.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id, customer_id, name_id, ts FROM events
         WHERE app_id = ? AND (ts, id) > (?, ?) AND id <= ? ORDER BY ts, id LIMIT ?`,
      )
      .all(1, 0, 0, 10, 10) as { detail: string }[]
    expect(plan.map((step) => step.detail).join('; ')).toContain('events_by_time')
    expect(plan.map((step) => step.detail).join('; ')).not.toContain('TEMP B-TREE')
  })
})
