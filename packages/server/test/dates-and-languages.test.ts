import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, startTestServer, type TestServer } from './harness'

// An app in Tokyo (UTC+9, no daylight saving): 23:30 on 10 December there is 14:30 UTC, 00:30 on the 11th is 15:30 UTC.
let server: TestServer
let tokyo: Account

const purchase = (orderId: string, timestamp: string, amount = 10) => ({
  type: 'purchase',
  orderId,
  userId: 'kenji',
  amount,
  currency: 'USD',
  timestamp,
  product: 'Tea',
})

beforeAll(async () => {
  server = await startTestServer()
  tokyo = await server.signup('Tokyo')
  const patched = await server.call('PATCH', `/api/apps/${tokyo.appId}`, { cookie: tokyo.cookie, body: { timezone: 'Asia/Tokyo', language: 'ru' } })
  expect(patched.status).toBe(200)
  const batch = [
    purchase('late-on-the-9th', '2011-12-09T23:30:00', 1),
    purchase('morning-of-the-10th', '2011-12-10T08:00:00', 10),
    purchase('late-on-the-10th', '2011-12-10T23:30:00', 100),
    purchase('early-on-the-11th', '2011-12-11T00:30:00', 1000),
  ]
  const res = await server.call('POST', '/v1/batch', { key: tokyo.secret, body: { batch } })
  expect(res.body).toMatchObject({ accepted: 4, rejected: [] })
})

afterAll(() => server.close())

const get = (path: string) => server.call('GET', path, { key: tokyo.secret })
const orderIds = (res: { body: { data: { orderId: string }[] } }) => res.body.data.map((row) => row.orderId).sort()

describe('asOf, from and to take a date or a date-time', () => {
  it('reads asOf=2011-12-10 as the end of that day in the app’s time zone: 23:30 counts, 00:30 the next day does not', async () => {
    const report = await get('/v1/reports/sales?from=2011-12-01&asOf=2011-12-10')
    expect(report.status).toBe(200)
    expect(report.body).toMatchObject({ from: '2011-12-01', to: '2011-12-10' })
    expect(report.body.totals).toMatchObject({ orders: 3, revenue: 111 })

    const insights = await get('/v1/insights?asOf=2011-12-10')
    expect(insights.status).toBe(200)
    expect(insights.body.asOf).toBe('2011-12-10T14:59:59.999Z')

    expect((await get('/v1/customers/kenji?asOf=2011-12-10')).status).toBe(200)
    for (const path of ['/v1/insights/trends', '/v1/insights/forecast', '/v1/insights/recommendations']) {
      expect((await get(`${path}?asOf=2011-12-10`)).status, path).toBe(200)
    }
  })

  it('reads from and to dates of the sales report as whole days in the app’s time zone', async () => {
    const tenth = await get('/v1/reports/sales?from=2011-12-10&to=2011-12-10&asOf=2012-01-01')
    expect(tenth.status).toBe(200)
    expect(tenth.body.series).toEqual([
      { period: '2011-12-10', revenue: 110, grossRevenue: 110, refunds: 0, orders: 2, customers: 1, newCustomers: 0, partial: false },
    ])
    const both = await get('/v1/reports/sales?from=2011-12-10&to=2011-12-11&asOf=2012-01-01')
    expect(both.body.series.map((day: { period: string; orders: number }) => [day.period, day.orders])).toEqual([
      ['2011-12-10', 2],
      ['2011-12-11', 1],
    ])
  })

  it('cuts the sales report at from and to date-times, to excluded, local without an offset', async () => {
    const evening = await get('/v1/reports/sales?from=2011-12-10T12:00:00&to=2011-12-11T00:30:00&asOf=2012-01-01')
    expect(evening.body).toMatchObject({ from: '2011-12-10', to: '2011-12-11' })
    expect(evening.body.totals).toMatchObject({ orders: 1, revenue: 100 })
    // The 9th from noon (its 23:30), all of the 10th from the daily rollup, the 11th before 00:30 (nothing).
    const acrossDays = await get('/v1/reports/sales?from=2011-12-09T12:00:00&to=2011-12-11T00:30:00&asOf=2012-01-01')
    expect(acrossDays.body.series.map((day: { period: string; revenue: number }) => [day.period, day.revenue])).toEqual([
      ['2011-12-09', 1],
      ['2011-12-10', 110],
      ['2011-12-11', 0],
    ])
    // from and asOf inside the same day
    const sameDay = await get('/v1/reports/sales?from=2011-12-10T12:00:00&asOf=2011-12-10T23:45:00')
    expect(sameDay.body.totals).toMatchObject({ orders: 1, revenue: 100 })
    const utc = await get('/v1/reports/sales?from=2011-12-09T14:30:00Z&to=2011-12-10T14:30:00.001Z&asOf=2012-01-01')
    expect(utc.body.totals).toMatchObject({ orders: 3, revenue: 111 })
    const inverted = await get('/v1/reports/sales?from=2011-12-10T12:00:00&to=2011-12-10T11:00:00')
    expect(inverted.status).toBe(400)
    expect(inverted.body.error.issues[0].path).toBe('from')
  })

  it('reads from and to dates of the purchases list as whole days in the app’s time zone', async () => {
    expect(orderIds(await get('/v1/purchases?from=2011-12-10&to=2011-12-10'))).toEqual(['late-on-the-10th', 'morning-of-the-10th'])
    expect(orderIds(await get('/v1/purchases?to=2011-12-09'))).toEqual(['late-on-the-9th'])
    expect(orderIds(await get('/v1/purchases?from=2011-12-11'))).toEqual(['early-on-the-11th'])
    expect(orderIds(await get('/v1/purchases?from=2011-12-10T23:30:00&to=2011-12-11T00:30:00'))).toEqual(['late-on-the-10th'])
  })

  it('still refuses what is neither a date nor a date-time, naming the parameter', async () => {
    for (const [path, field] of [
      ['/v1/reports/sales?asOf=yesterday', 'asOf'],
      ['/v1/reports/sales?to=2011-02-30', 'to'],
      ['/v1/insights?asOf=10.12.2011', 'asOf'],
      ['/v1/customers/kenji?asOf=2011-12', 'asOf'],
      ['/v1/purchases?from=last-week', 'from'],
    ] as const) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      expect(res.body.error.issues.map((issue: { path: string }) => issue.path), path).toContain(field)
    }
  })
})

describe('lang takes any BCP 47 tag', () => {
  // The summary of so short a history says there is no complete month yet, in one language or the other.
  const ENGLISH = /^[^а-яё]*complete month[^а-яё]*$/i
  const RUSSIAN = /^[^a-z]*[а-яё][^a-z]*$/i
  const summary = async (lang: string) => {
    const res = await get(`/v1/insights?asOf=2011-12-31&lang=${encodeURIComponent(lang)}`)
    expect(res.status, lang).toBe(200)
    return res.body.summary as string
  }

  it('speaks a supported language whatever the region or case', async () => {
    expect(await summary('en-US')).toMatch(ENGLISH)
    expect(await summary('EN')).toMatch(ENGLISH)
    expect(await summary('ru-RU')).toMatch(RUSSIAN)
    expect(await summary('ru')).toMatch(RUSSIAN)
  })

  it('falls back to the app’s language (Russian here) for another language or a broken tag, never an error', async () => {
    for (const lang of ['de-DE', 'zh-Hant-TW', 'x', '', 'en--', '%%%', 'ru_RU; DROP']) expect(await summary(lang), lang).toMatch(RUSSIAN)
    const report = await get('/v1/reports/sales?lang=de-DE&asOf=2011-12-31')
    expect(report.status).toBe(200)
    const parts = await Promise.all(['trends', 'forecast', 'recommendations'].map((part) => get(`/v1/insights/${part}?lang=en-US&asOf=2011-12-31`)))
    expect(parts.map((res) => res.status)).toEqual([200, 200, 200])
  })
})
