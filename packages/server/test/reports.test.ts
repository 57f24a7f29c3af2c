import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, startTestServer, type TestServer } from './harness'

let server: TestServer
let account: Account

const purchase = (orderId: string, userId: string, amount: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  type: 'purchase',
  orderId,
  userId,
  amount,
  currency: 'USD',
  timestamp,
  items: [{ productId: 'tea', name: 'Tea', quantity: 1, price: amount }],
  ...extra,
})

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Reports')
  const patched = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { timezone: 'Europe/Moscow' } })
  expect(patched.status).toBe(200)
  const batch = [
    { type: 'user', userId: 'ann', name: 'Ann' },
    // 22:30 UTC on 31 January is 1 February in Moscow.
    purchase('o1', 'ann', '10.00', '2026-01-31T22:30:00Z'),
    purchase('o2', 'ann', '20.00', '2026-02-10T10:00:00Z', {
      items: [
        { productId: 'tea', name: 'Tea', quantity: 2, price: '5.00' },
        { productId: 'cup', name: 'Cup', quantity: 1, price: '10.00' },
      ],
    }),
    purchase('o3', 'bob', '5.00', '2026-01-15T10:00:00Z'),
    purchase('o4', 'bob', '7.50', '2026-03-02T10:00:00Z'),
    purchase('o5', 'cat', '100.00', '2026-03-05T10:00:00Z', { currency: 'EUR', items: [{ name: 'Pot', price: '100.00' }] }),
    purchase('o6', 'dan', '50.00', '2026-04-01T10:00:00Z'),
  ]
  const res = await server.call('POST', '/v1/batch', { key: account.secret, body: { batch } })
  expect(res.body.accepted).toBe(batch.length)
})

afterAll(() => server.close())

describe('GET /v1/reports/sales', () => {
  it('reports totals, a monthly series in the app’s time zone, top products and customers', async () => {
    const res = await server.call('GET', '/v1/reports/sales?from=2026-01-01&to=2026-03-31&interval=month&asOf=2026-06-01T00:00:00Z', {
      key: account.secret,
    })
    expect(res.status).toBe(200)
    const report = res.body
    expect(report).toMatchObject({ currency: 'USD', from: '2026-01-01', to: '2026-03-31', interval: 'month' })
    expect(report.series).toEqual([
      { period: '2026-01', revenue: 5, grossRevenue: 5, refunds: 0, orders: 1, customers: 1, newCustomers: 1, partial: false },
      { period: '2026-02', revenue: 30, grossRevenue: 30, refunds: 0, orders: 2, customers: 1, newCustomers: 1, partial: false },
      { period: '2026-03', revenue: 7.5, grossRevenue: 7.5, refunds: 0, orders: 1, customers: 1, newCustomers: 0, partial: false },
    ])
    expect(report.totals).toEqual({
      revenue: 42.5,
      grossRevenue: 42.5,
      refunds: 0,
      orders: 4,
      customers: 2,
      newCustomers: 2,
      averageOrderValue: 10.63,
      repeatCustomerRate: 1,
      refundRate: 0,
    })
    expect(report.topProducts).toEqual([
      { product: 'Tea', productId: 'tea', revenue: 32.5, orders: 4, quantity: 5 },
      { product: 'Cup', productId: 'cup', revenue: 10, orders: 1, quantity: 1 },
    ])
    expect(report.topCustomers).toEqual([
      { userId: 'ann', name: 'Ann', revenue: 30, orders: 2 },
      { userId: 'bob', name: null, revenue: 12.5, orders: 2 },
    ])
    expect(report.otherCurrencies).toEqual([{ currency: 'EUR', revenue: 100, grossRevenue: 100, refunds: 0, orders: 1 }])
  })

  it('ignores what happened after asOf and counts repeat customers by the end of the range', async () => {
    const res = await server.call('GET', '/v1/reports/sales?from=2026-01-01&to=2026-03-31&interval=month&asOf=2026-02-01T00:00:00Z', {
      key: account.secret,
    })
    expect(res.body.totals).toMatchObject({ revenue: 15, orders: 2, customers: 2, repeatCustomerRate: 0 })
    const days = await server.call('GET', '/v1/reports/sales?from=2026-01-31&to=2026-02-01&interval=day&asOf=2026-06-01T00:00:00Z', { key: account.secret })
    expect(days.body.series.map((period: { period: string; revenue: number }) => [period.period, period.revenue])).toEqual([
      ['2026-01-31', 0],
      ['2026-02-01', 10],
    ])
  })

  it('defaults to the 12 months up to asOf by month, and weeks start on Monday', async () => {
    const months = await server.call('GET', '/v1/reports/sales?interval=month&asOf=2026-04-15T00:00:00Z', { key: account.secret })
    expect(months.body.from).toBe('2025-05-01')
    expect(months.body.to).toBe('2026-04-15')
    expect(months.body.series).toHaveLength(12)
    expect(months.body.totals.revenue).toBe(92.5)
    const weeks = await server.call('GET', '/v1/reports/sales?from=2026-03-01&to=2026-03-08&interval=week&asOf=2026-06-01T00:00:00Z', { key: account.secret })
    expect(weeks.body.series.map((period: { period: string }) => period.period)).toEqual(['2026-02-23', '2026-03-02'])
  })

  it('is open to an embed token, closed to a publishable key, and validates its query', async () => {
    const token = await server.call('POST', '/v1/embed-tokens', { key: account.secret, body: {} })
    expect(token.status).toBe(201)
    expect((await server.call('GET', '/v1/reports/sales?interval=month', { key: token.body.token })).status).toBe(200)
    expect((await server.call('GET', '/v1/reports/sales', { key: account.publishable })).status).toBe(403)
    const bad = await server.call('GET', '/v1/reports/sales?from=2026-02-30x&interval=year', { key: account.secret })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
    expect((await server.call('GET', '/v1/reports/sales?from=2026-03-01&to=2026-02-01', { key: account.secret })).status).toBe(400)
  })

  it('never shows another app’s purchases', async () => {
    const other = await server.signup('Other')
    const res = await server.call('GET', '/v1/reports/sales?from=2026-01-01&to=2026-03-31&interval=month&asOf=2026-06-01T00:00:00Z', { key: other.secret })
    expect(res.body.totals.orders).toBe(0)
    expect(res.body.topCustomers).toEqual([])
  })
})
