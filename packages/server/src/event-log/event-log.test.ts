import { describe, expect, it } from 'vitest'
import { createStores, type EventWrite, openDatabase } from '../store'
import { EventLog } from './event-log'
import { EventLogs } from './event-logs'

function shop() {
  const stores = createStores(openDatabase(':memory:'))
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_a', ownerId: 'u1', name: 'A', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  const other = stores.apps.insertApp({ publicId: 'app_b', ownerId: 'u1', name: 'B', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  const send = (appId: number, ...events: [userId: string, name: string, timestamp: number][]) =>
    stores.ingestion.write([
      { appId, appCurrency: 'USD', receivedAt: 7, events: events.map(([userId, name, timestamp]): EventWrite => ({ type: 'event', userId, name, timestamp })) },
    ])
  return { stores, app, other, send }
}

const pause = () => Promise.resolve()
/** The log's events as [time, name, customer index]. */
const contents = (log: EventLog) => Array.from({ length: log.size }, (_, i) => [log.ts[i], log.names[log.name[i] as number], log.customer[i]])

describe('EventLog', () => {
  it('loads an app’s events page by page in time order, with dense names and customers', async () => {
    const { stores, app, other, send } = shop()
    send(app.id, ['ann', 'Signed in', 300], ['bob', 'Viewed pricing', 100], ['ann', 'Viewed pricing', 200])
    send(other.id, ['zed', 'Elsewhere', 150])
    const log = new EventLog(app.id)
    await log.load(stores.eventLog, pause, 2)
    expect(contents(log)).toEqual([
      [100, 'Viewed pricing', 0],
      [200, 'Viewed pricing', 1],
      [300, 'Signed in', 1],
    ])
    expect(log.customerCount).toBe(2)
    expect(log.names).not.toContain('Elsewhere')
    expect([log.indexAt(0), log.indexAt(200), log.indexAt(201), log.indexAt(Infinity)]).toEqual([0, 1, 2, 3])
  })

  it('catches up with new events, appended when newer and merged when older, and reads nothing when none came', async () => {
    const { stores, app, other, send } = shop()
    send(app.id, ['ann', 'Signed in', 1_000])
    const log = new EventLog(app.id)
    await log.load(stores.eventLog, pause)
    expect(log.refresh(stores.eventLog)).toBe(false)
    send(app.id, ['bob', 'Opened ticket', 2_000], ['ann', 'Signed in', 3_000])
    send(other.id, ['zed', 'Elsewhere', 2_500])
    expect(log.refresh(stores.eventLog)).toBe(true)
    send(app.id, ['cat', 'Imported', 500], ['ann', 'Imported', 2_000])
    expect(log.refresh(stores.eventLog)).toBe(true)
    expect(contents(log)).toEqual([
      [500, 'Imported', 2],
      [1_000, 'Signed in', 0],
      [2_000, 'Opened ticket', 1],
      [2_000, 'Imported', 0],
      [3_000, 'Signed in', 0],
    ])
    expect(log.refresh(stores.eventLog)).toBe(false)
  })

  it('is read once per app by EventLogs, callers during the first read sharing it', async () => {
    const { stores, app, send } = shop()
    send(app.id, ['ann', 'Signed in', 1_000], ['bob', 'Signed in', 2_000])
    const logs = new EventLogs(stores.eventLog, { pageSize: 1 })
    const [first, second] = await Promise.all([logs.ready(app), logs.ready(app)])
    expect(first).toBe(second)
    expect(first.size).toBe(2)
    send(app.id, ['cat', 'Signed in', 3_000])
    expect((await logs.ready(app)).size).toBe(3)
  })
})
