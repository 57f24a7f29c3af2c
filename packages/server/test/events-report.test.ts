import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, startTestServer, type TestServer } from './harness'

let server: TestServer
let account: Account

const event = (userId: string, name: string, timestamp: string) => ({ type: 'event', userId, event: name, timestamp, properties: { via: 'test' } })

// New York is UTC−5 until 2026-03-08 02:00 local (07:00Z), UTC−4 after: every event below sits on a day, and most
// on a month, other than its UTC date's.
const EVENTS = [
  event('ann', 'Viewed pricing', '2026-01-01T04:30:00Z'), // 31 Dec 23:30 in New York: before the range
  event('ann', 'Viewed pricing', '2026-01-01T05:30:00Z'), // 1 Jan 00:30
  event('bob', 'Viewed pricing', '2026-01-15T12:00:00Z'),
  event('ann', 'Signed in', '2026-02-01T03:00:00Z'), // 31 Jan 22:00
  event('cat', 'Signed in', '2026-02-10T15:00:00Z'),
  event('cat', 'Opened support ticket', '2026-02-10T16:00:00Z'),
  event('bob', 'Viewed pricing', '2026-03-08T06:30:00Z'), // 01:30 EST, half an hour before the clocks go forward
  event('ann', 'Viewed pricing', '2026-04-01T03:30:00Z'), // 31 Mar 23:30 EDT
  event('dan', 'Signed in', '2026-04-01T04:30:00Z'), // 1 Apr 00:30: after the range
]
const AS_OF = '2026-06-01T00:00:00Z'

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Events')
  const patched = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { timezone: 'America/New_York' } })
  expect(patched.status).toBe(200)
  const res = await server.call('POST', '/v1/batch', { key: account.publishable, body: { batch: [{ type: 'user', userId: 'ann', name: 'Ann' }, ...EVENTS] } })
  expect(res.body).toMatchObject({ accepted: EVENTS.length + 1, rejected: [] })
})

afterAll(() => server.close())

const report = (query: string, key = account.secret) => server.call('GET', `/v1/reports/events?${query}`, { key })

describe('GET /v1/reports/events', () => {
  it('counts events by month in the app’s time zone, by name, with the customers of each', async () => {
    const res = await report(`from=2026-01-01&to=2026-03-31&interval=month&asOf=${AS_OF}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      interval: 'month',
      totals: { events: 7, customers: 3 },
      series: [
        { period: '2026-01', events: { 'Viewed pricing': 2, 'Signed in': 1, 'Opened support ticket': 0 }, total: 3, partial: false },
        { period: '2026-02', events: { 'Viewed pricing': 0, 'Signed in': 1, 'Opened support ticket': 1 }, total: 2, partial: false },
        { period: '2026-03', events: { 'Viewed pricing': 2, 'Signed in': 0, 'Opened support ticket': 0 }, total: 2, partial: false },
      ],
      topEvents: [
        { event: 'Viewed pricing', count: 4, customers: 2 },
        { event: 'Signed in', count: 2, customers: 2 },
        { event: 'Opened support ticket', count: 1, customers: 1 },
      ],
    })
  })

  it('reads a date as the whole of that day, and a date-time as an instant (to excluded)', async () => {
    const days = await report(`from=2026-01-31&to=2026-02-01&interval=day&asOf=${AS_OF}`)
    expect(days.body.series).toEqual([
      { period: '2026-01-31', events: { 'Signed in': 1 }, total: 1, partial: false },
      { period: '2026-02-01', events: { 'Signed in': 0 }, total: 0, partial: false },
    ])
    const lastDay = await report(`from=2026-03-31&to=2026-03-31&interval=day&asOf=${AS_OF}`)
    expect(lastDay.body.topEvents).toEqual([{ event: 'Viewed pricing', count: 1, customers: 1 }])
    // From 19:00 on 31 December in New York to 07:00 on 15 January, the event at that instant left out.
    const instants = await report(`from=2026-01-01T00:00:00Z&to=2026-01-15T12:00:00Z&interval=month&asOf=${AS_OF}`)
    expect(instants.body).toMatchObject({ from: '2025-12-31', to: '2026-01-15', totals: { events: 2, customers: 1 } })
    expect(instants.body.series).toEqual([
      { period: '2025-12', events: { 'Viewed pricing': 1 }, total: 1, partial: false },
      { period: '2026-01', events: { 'Viewed pricing': 1 }, total: 1, partial: true },
    ])
  })

  it('ignores what came after asOf and marks the periods it cuts short; weeks start on Monday', async () => {
    const res = await report('from=2026-01-01&to=2026-03-31&interval=month&asOf=2026-03-08T12:00:00Z')
    expect(res.body.series.map((period: { period: string; total: number; partial: boolean }) => [period.period, period.total, period.partial])).toEqual([
      ['2026-01', 3, false],
      ['2026-02', 2, false],
      ['2026-03', 1, true],
    ])
    expect(res.body.topEvents[0]).toEqual({ event: 'Viewed pricing', count: 3, customers: 2 })
    const weeks = await report(`from=2026-02-01&to=2026-02-14&interval=week&asOf=${AS_OF}`)
    expect(weeks.body.series.map((period: { period: string; total: number }) => [period.period, period.total])).toEqual([
      ['2026-01-26', 0],
      ['2026-02-02', 0],
      ['2026-02-09', 2],
    ])
  })

  it('names at most `top` events, defaults to the 12 months up to asOf, and counts events sent since', async () => {
    const one = await report(`from=2026-01-01&to=2026-03-31&interval=month&asOf=${AS_OF}&top=1`)
    expect(one.body.topEvents).toEqual([{ event: 'Viewed pricing', count: 4, customers: 2 }])
    expect(one.body.series[1]).toEqual({ period: '2026-02', events: { 'Viewed pricing': 0 }, total: 2, partial: false })
    const year = await report(`interval=month&asOf=${AS_OF}`)
    expect(year.body).toMatchObject({ from: '2025-06-01', to: '2026-05-31', totals: { events: 9, customers: 4 } })
    expect(year.body.series).toHaveLength(12)
    const sent = await server.call('POST', '/v1/events', { key: account.publishable, body: { userId: 'eve', event: 'Signed in', timestamp: '2026-05-20T12:00:00Z' } })
    expect(sent.status).toBe(201)
    const after = await report(`interval=month&asOf=${AS_OF}`)
    expect(after.body.totals).toEqual({ events: 10, customers: 5 })
    expect(after.body.topEvents.find((top: { event: string }) => top.event === 'Signed in')).toEqual({ event: 'Signed in', count: 4, customers: 4 })
  })

  it('answers an app without events with empty periods', async () => {
    const empty = await server.signup('Empty')
    const res = await report('from=2026-01-01&to=2026-01-03&interval=day', empty.secret)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      from: '2026-01-01',
      to: '2026-01-03',
      interval: 'day',
      totals: { events: 0, customers: 0 },
      series: ['2026-01-01', '2026-01-02', '2026-01-03'].map((period) => ({ period, events: {}, total: 0, partial: false })),
      topEvents: [],
    })
  })

  it('keeps any name as a key, `__proto__` too', async () => {
    const odd = await server.signup('Odd')
    const batch = [event('x', '__proto__', '2026-01-02T12:00:00Z'), event('x', 'constructor', '2026-01-02T12:00:00Z')]
    expect((await server.call('POST', '/v1/batch', { key: odd.secret, body: { batch } })).body.accepted).toBe(2)
    const res = await report(`from=2026-01-01&to=2026-01-31&interval=month&asOf=${AS_OF}`, odd.secret)
    expect(JSON.parse(JSON.stringify(res.body.series[0].events))).toEqual(JSON.parse('{"__proto__":1,"constructor":1}'))
    expect(Object.keys(res.body.series[0].events)).toEqual(['__proto__', 'constructor'])
  })

  it('is open to the admin page’s token and an embed token alike, closed to a publishable key, and validates its query', async () => {
    const query = `from=2026-01-01&to=2026-03-31&interval=month&asOf=${AS_OF}`
    const full = (await report(query)).body
    const adminToken = (await server.call('POST', `/api/apps/${account.appId}/access-token`, { cookie: account.cookie })).body.token as string
    const embedToken = (await server.call('POST', '/v1/embed-tokens', { key: account.secret, body: {} })).body.token as string
    expect((await report(query, adminToken)).body).toEqual(full)
    expect((await report(query, embedToken)).body).toEqual(full)
    expect((await report(query, account.publishable)).status).toBe(403)
    expect((await server.call('GET', '/v1/reports/events')).status).toBe(401)
    for (const bad of ['interval=year', 'top=0', 'top=101', 'from=2026-02-30', 'from=2026-03-01&to=2026-02-01']) {
      const res = await report(bad)
      expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'validation_failed'])
    }
  })

  it('is described in the OpenAPI document', async () => {
    const document = (await server.call('GET', '/openapi.json')).body
    expect(document.paths['/v1/reports/events'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/EventsReport' })
    expect(Object.keys(document.components.schemas.EventsReport.properties)).toEqual(['from', 'to', 'interval', 'totals', 'series', 'topEvents'])
  })
})
