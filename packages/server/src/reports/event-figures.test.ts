import { describe, expect, it } from 'vitest'
import { dayNumber } from '../calendar'
import { EventLog } from '../event-log'
import { createStores, type EventWrite, openDatabase } from '../store'
import { eventFigures, type EventFiguresQuery } from './event-figures'

async function logOf(...events: [userId: string, name: string, time: string][]): Promise<EventLog> {
  const stores = createStores(openDatabase(':memory:'))
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_a', ownerId: 'u1', name: 'A', currency: 'USD', timezone: 'Asia/Tokyo', language: 'en', createdAt: 0 })
  const writes = events.map(([userId, name, time]): EventWrite => ({ type: 'event', userId, name, timestamp: Date.parse(time) }))
  stores.ingestion.write([{ appId: app.id, appCurrency: 'USD', receivedAt: 0, events: writes }])
  const log = new EventLog(app.id)
  await log.load(stores.eventLog, () => Promise.resolve())
  return log
}

const query = (from: string, to: string, interval: EventFiguresQuery['interval'], extra: Partial<EventFiguresQuery> = {}): EventFiguresQuery => ({
  fromDay: dayNumber(from),
  toDay: dayNumber(to),
  interval,
  asOf: Date.parse('2030-01-01T00:00:00Z'),
  timeZone: 'Asia/Tokyo',
  ...extra,
})

/** The figures with names spelled out. */
const named = (log: EventLog, q: EventFiguresQuery) => {
  const figures = eventFigures(log, q)
  return { ...figures, top: figures.top.map((top) => ({ ...top, name: log.names[top.name] })) }
}

describe('eventFigures', () => {
  it('counts events by period in the app’s time zone, by name, with distinct customers per name', async () => {
    const log = await logOf(
      // 16:00 UTC on 31 January is 1 February in Tokyo (+09:00).
      ['ann', 'Signed in', '2026-01-31T16:00:00Z'],
      ['ann', 'Signed in', '2026-01-10T01:00:00Z'],
      ['bob', 'Signed in', '2026-01-12T01:00:00Z'],
      ['ann', 'Viewed pricing', '2026-02-03T01:00:00Z'],
      ['cat', 'Viewed pricing', '2026-02-04T01:00:00Z'],
      ['cat', 'Opened ticket', '2026-03-05T01:00:00Z'],
      ['dan', 'Signed in', '2025-12-31T14:59:59Z'], // 23:59:59 on 31 December in Tokyo: before the range
    )
    const figures = named(log, query('2026-01-01', '2026-03-31', 'month'))
    // Counts in the order of top: Signed in, Viewed pricing, Opened ticket.
    expect(figures.series).toEqual([
      { period: '2026-01', total: 2, counts: [2, 0, 0], partial: false },
      { period: '2026-02', total: 3, counts: [1, 2, 0], partial: false },
      { period: '2026-03', total: 1, counts: [0, 0, 1], partial: false },
    ])
    expect(figures.top).toEqual([
      { name: 'Signed in', count: 3, customers: 2 },
      { name: 'Viewed pricing', count: 2, customers: 2 },
      { name: 'Opened ticket', count: 1, customers: 1 },
    ])
    expect(figures.totals).toEqual({ events: 6, customers: 3 })
  })

  it('marks the periods that to or asOf cut short, and leaves out what came after asOf or before since', async () => {
    const log = await logOf(['ann', 'Signed in', '2026-01-05T01:00:00Z'], ['bob', 'Signed in', '2026-01-20T01:00:00Z'], ['cat', 'Signed in', '2026-02-02T01:00:00Z'])
    const cut = eventFigures(log, query('2026-01-01', '2026-02-15', 'month', { asOf: Date.parse('2026-01-10T00:00:00Z') }))
    expect(cut.series.map(({ period, total, partial }) => [period, total, partial])).toEqual([
      ['2026-01', 1, true],
      ['2026-02', 0, true],
    ])
    const since = eventFigures(log, query('2026-01-05', '2026-01-31', 'month', { since: Date.parse('2026-01-05T02:00:00Z') }))
    expect(since.series.map(({ period, total, partial }) => [period, total, partial])).toEqual([['2026-01', 1, false]])
    const toInside = eventFigures(log, query('2026-01-01', '2026-01-31', 'week'))
    expect(toInside.series.at(-1)).toMatchObject({ period: '2026-01-26', partial: true })
  })

  it('names at most `top` events, ties by name, yet counts every event in the totals', async () => {
    const log = await logOf(['ann', 'b', '2026-01-05T01:00:00Z'], ['ann', 'a', '2026-01-05T02:00:00Z'], ['bob', 'c', '2026-01-05T03:00:00Z'], ['bob', 'c', '2026-01-06T03:00:00Z'])
    const figures = named(log, query('2026-01-05', '2026-01-06', 'day', { top: 2 }))
    expect(figures.top).toEqual([
      { name: 'c', count: 2, customers: 1 },
      { name: 'a', count: 1, customers: 1 },
    ])
    expect(figures.series).toEqual([
      { period: '2026-01-05', total: 3, counts: [1, 1], partial: false },
      { period: '2026-01-06', total: 1, counts: [1, 0], partial: false },
    ])
    expect(figures.totals).toEqual({ events: 4, customers: 2 })
  })

  it('counts distinct customers right past 32 top names (more than one word of bits)', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `event ${String(i).padStart(2, '0')}`)
    const log = await logOf(...names.flatMap((name, i): [string, string, string][] => [
      ['ann', name, '2026-01-05T01:00:00Z'],
      [i % 2 ? 'bob' : 'ann', name, '2026-01-05T02:00:00Z'],
    ]))
    const figures = named(log, query('2026-01-01', '2026-01-31', 'month', { top: 40 }))
    expect(figures.top.map((top) => top.customers)).toEqual(names.map((_, i) => (i % 2 ? 2 : 1)))
    expect(figures.totals).toEqual({ events: 80, customers: 2 })
  })

  it('answers an empty log with zero periods', async () => {
    const log = await logOf()
    expect(eventFigures(log, query('2026-01-01', '2026-01-03', 'day'))).toEqual({
      totals: { events: 0, customers: 0 },
      series: ['2026-01-01', '2026-01-02', '2026-01-03'].map((period) => ({ period, total: 0, counts: [], partial: false })),
      top: [],
    })
  })
})

