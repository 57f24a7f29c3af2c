import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, startTestServer, type TestServer } from './harness'

// A shop in New York with a known answer, worked out by hand below: orders and refunds across three months, a
// refund in March of a January order, a refund of the customer alone, partial refunds with and without items,
// another currency, and asOf in the middle of March.
let server: TestServer
let account: Account

const purchase = (orderId: string, userId: string, amount: string, timestamp: string, items: [string, number, string][], currency = 'USD') => ({
  type: 'purchase',
  orderId,
  userId,
  amount,
  currency,
  timestamp,
  items: items.map(([productId, quantity, price]) => ({ productId, name: productId.toUpperCase(), quantity, price })),
})
const refund = (refundId: string, userId: string, amount: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  type: 'refund',
  refundId,
  userId,
  amount,
  currency: 'USD',
  timestamp,
  ...extra,
})

const purchases = [
  purchase('o1', 'ann', '100.00', '2026-01-10T15:00:00Z', [['tea', 4, '20.00'], ['cup', 1, '20.00']]),
  purchase('o2', 'bob', '50.00', '2026-01-20T15:00:00Z', [['tea', 2, '25.00']]),
  purchase('o3', 'ann', '30.00', '2026-02-05T15:00:00Z', [['cup', 3, '10.00']]),
  purchase('o4', 'cat', '200.00', '2026-03-03T15:00:00Z', [['pot', 1, '200.00']], 'EUR'),
  purchase('o5', 'bob', '40.00', '2026-03-10T15:00:00Z', [['tea', 1, '40.00']]),
  purchase('o6', 'dan', '10.00', '2026-03-20T15:00:00Z', [['cup', 1, '10.00']]),
]
// Sent in two batches after a first report, so the ledger takes them in by catching up, first in time order and
// then by row id.
const firstRefunds = [
  // All of January's o1 back, in March, without items: both its products lose their share, and their units.
  refund('r1', 'ann', '100.00', '2026-03-05T15:00:00Z', { orderId: 'o1' }),
  // 03:00 UTC on 1 February is still 31 January in New York. A partial refund that names its item.
  refund('r2', 'bob', '12.50', '2026-02-01T03:00:00Z', { orderId: 'o2', items: [{ productId: 'tea', name: 'TEA', quantity: 1, price: '12.50' }] }),
  // A refund of a customer alone (a goodwill credit) by someone who never bought: a new customer, no product.
  refund('r3', 'eve', '5.00', '2026-02-14T15:00:00Z'),
]
const laterRefunds = [
  refund('r4', 'cat', '50.00', '2026-03-15T15:00:00Z', { orderId: 'o4', currency: 'EUR' }),
  // A quarter of o5 without items, 11:00 in New York: a quarter of its one product's revenue, no units.
  refund('r5', 'bob', '10.00', '2026-03-16T15:00:00Z', { orderId: 'o5' }),
  // On the day of asOf (12:00 UTC on 18 March): one before it, one after.
  refund('r7', 'eve', '2.00', '2026-03-18T10:00:00Z'),
  refund('r8', 'eve', '3.00', '2026-03-18T20:00:00Z'),
  refund('r6', 'dan', '10.00', '2026-04-02T15:00:00Z', { orderId: 'o6' }),
]

const asOf = '2026-03-18T12:00:00Z'
const report = async (query: string, key = account.secret) => {
  const res = await server.call('GET', `/v1/reports/sales?${query}`, { key })
  expect(res.status).toBe(200)
  return res.body
}

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Net revenue')
  const patched = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { timezone: 'America/New_York' } })
  expect(patched.status).toBe(200)
  for (const batch of [purchases, firstRefunds, laterRefunds]) {
    const res = await server.call('POST', '/v1/batch', { key: account.secret, body: { batch } })
    expect(res.body).toMatchObject({ accepted: batch.length, rejected: [] })
    await report(`interval=month&asOf=${asOf}`)
  }
})

afterAll(() => server.close())

describe('GET /v1/reports/sales: net revenue, gross and refunds', () => {
  it('nets each month by the refunds dated in it, marks the month asOf cuts short, and totals to the cent', async () => {
    const body = await report(`from=2026-01-01&to=2026-03-31&interval=month&asOf=${asOf}`)
    expect(body.series).toEqual([
      // o1 100 + o2 50; r2 12.50 (31 January in New York).
      { period: '2026-01', revenue: 137.5, grossRevenue: 150, refunds: 12.5, orders: 2, customers: 2, newCustomers: 2, partial: false },
      // o3 30; r3 5.
      { period: '2026-02', revenue: 25, grossRevenue: 30, refunds: 5, orders: 1, customers: 1, newCustomers: 0, partial: false },
      // o5 40 (o4 is EUR, o6 after asOf); r1 100 of January's o1, r5 10, r7 2 (r8 after asOf).
      { period: '2026-03', revenue: -72, grossRevenue: 40, refunds: 112, orders: 1, customers: 1, newCustomers: 0, partial: true },
    ])
    expect(body.totals).toEqual({
      revenue: 90.5,
      grossRevenue: 220,
      refunds: 129.5,
      orders: 4,
      customers: 2,
      newCustomers: 2,
      averageOrderValue: 22.63, // 90.5 / 4, net
      repeatCustomerRate: 1,
      refundRate: 12_950 / 22_000,
    })
  })

  it('ranks products and customers by net revenue, a refund without items spread over its order', async () => {
    const body = await report(`from=2026-01-01&to=2026-03-31&interval=month&asOf=${asOf}`)
    expect(body.topProducts).toEqual([
      // Sold 80 (4) + 50 (2) + 40 (1); back: 80 (4) of o1 in full, 12.50 (1) named by r2, a quarter of o5's 40.
      { product: 'TEA', productId: 'tea', revenue: 67.5, orders: 3, quantity: 2 },
      // Sold 20 (1) + 30 (3); back: 20 (1) of o1 in full.
      { product: 'CUP', productId: 'cup', revenue: 30, orders: 2, quantity: 3 },
    ])
    expect(body.topCustomers).toEqual([
      { userId: 'bob', name: null, revenue: 67.5, orders: 2 }, // 50 + 40 − 12.50 − 10
      { userId: 'ann', name: null, revenue: 30, orders: 2 }, // 100 + 30 − 100
    ])
    expect(body.otherCurrencies).toEqual([{ currency: 'EUR', revenue: 150, grossRevenue: 200, refunds: 50, orders: 1 }])
  })

  it('leaves a refund after the range out, and marks no period when the range ends before asOf', async () => {
    const body = await report('from=2026-01-01&to=2026-03-31&interval=month&asOf=2026-06-01')
    expect(body.series.map((period: { partial: boolean }) => period.partial)).toEqual([false, false, false])
    // March now has o6 (10) and r8 (3); r6, April's, stays out.
    expect(body.series[2]).toMatchObject({ grossRevenue: 50, refunds: 115, revenue: -65 })
    expect(body.totals).toMatchObject({ grossRevenue: 230, refunds: 132.5, revenue: 97.5 })
    const april = await report('from=2026-04-01&to=2026-04-30&interval=month&asOf=2026-06-01')
    expect(april.totals).toMatchObject({ revenue: -10, grossRevenue: 0, refunds: 10, orders: 0, refundRate: null })
    expect(april.topCustomers).toEqual([])
  })

  it('counts the day of asOf up to asOf, a first day from a date-time on, and a week that to cuts short', async () => {
    const days = await report(`from=2026-03-16&to=2026-03-18&interval=day&asOf=${asOf}`)
    expect(days.series.map((day: { period: string; revenue: number; refunds: number; partial: boolean }) => [day.period, day.revenue, day.refunds, day.partial])).toEqual([
      ['2026-03-16', -10, 10, false],
      ['2026-03-17', 0, 0, false],
      ['2026-03-18', -2, 2, true],
    ])
    // From noon in New York on the 16th: r5, at 11:00, is before it.
    const fromNoon = await report(`from=2026-03-16T12:00:00&to=2026-03-18&interval=day&asOf=${asOf}`)
    expect(fromNoon.totals).toMatchObject({ refunds: 2, revenue: -2 })
    const weeks = await report('from=2026-03-02&to=2026-03-11&interval=week&asOf=2026-06-01')
    expect(weeks.series).toEqual([
      { period: '2026-03-02', revenue: -100, grossRevenue: 0, refunds: 100, orders: 0, customers: 0, newCustomers: 0, partial: false },
      { period: '2026-03-09', revenue: 40, grossRevenue: 40, refunds: 0, orders: 1, customers: 1, newCustomers: 0, partial: true },
    ])
  })

  it('gives an embed token the same figures, top customers anonymous', async () => {
    const token = await server.call('POST', '/v1/embed-tokens', { key: account.secret, body: {} })
    const query = `from=2026-01-01&to=2026-03-31&interval=month&asOf=${asOf}`
    const embedded = await report(query, token.body.token)
    const { topCustomers, ...figures } = await report(query)
    expect(embedded).toEqual({ ...figures, topCustomers: topCustomers.map(({ revenue, orders }: { revenue: number; orders: number }, index: number) => ({ rank: index + 1, revenue, orders })) })
    expect(embedded.totals).toMatchObject({ revenue: 90.5, grossRevenue: 220, refunds: 129.5 })
  })

  it('recounts refunds in the new currency when the app changes currency', async () => {
    const toEuro = await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { currency: 'EUR' } })
    expect(toEuro.status).toBe(200)
    try {
      const body = await report(`from=2026-01-01&to=2026-03-31&interval=month&asOf=${asOf}`)
      expect(body.currency).toBe('EUR')
      expect(body.totals).toMatchObject({ revenue: 150, grossRevenue: 200, refunds: 50, orders: 1, refundRate: 0.25 })
      expect(body.otherCurrencies).toEqual([{ currency: 'USD', revenue: 90.5, grossRevenue: 220, refunds: 129.5, orders: 4 }])
    } finally {
      await server.call('PATCH', `/api/apps/${account.appId}`, { cookie: account.cookie, body: { currency: 'USD' } })
    }
  })

  it('describes every new field in the OpenAPI document', async () => {
    const res = await server.call('GET', '/openapi.json')
    const schemas = res.body.components.schemas
    for (const name of ['SalesReport', 'EmbedSalesReport']) {
      const schema = schemas[name]
      expect(Object.keys(schema.properties.totals.properties)).toEqual(
        expect.arrayContaining(['revenue', 'grossRevenue', 'refunds', 'refundRate', 'averageOrderValue']),
      )
      expect(schema.properties.totals.properties.refundRate.description).toMatch(/null/)
      const period = schema.properties.series.items.properties
      for (const field of ['revenue', 'grossRevenue', 'refunds', 'partial']) expect(period[field].description, field).toBeTruthy()
    }
  })
})
