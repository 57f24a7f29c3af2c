import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestServer, type Account, type TestServer } from './harness'

let server: TestServer
let account: Account
const N = 23

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Lists')
  const batch: unknown[] = []
  for (let i = 0; i < N; i++) {
    const userId = `c${String(i).padStart(2, '0')}`
    batch.push({ type: 'user', userId, name: i % 5 === 0 ? null : `Name ${String.fromCharCode(90 - i)}`, email: `${userId}@example.com`, createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() })
    for (let k = 0; k <= i % 4; k++) {
      batch.push({ type: 'purchase', orderId: `${userId}-${k}`, userId, amount: (i * 7) % 50 + k, currency: 'USD', product: 'P', timestamp: new Date(Date.UTC(2025, 5, 1 + i, k)).toISOString() })
    }
  }
  const res = await server.call('POST', '/v1/batch', { key: account.secret, body: { batch } })
  expect(res.body.rejected).toEqual([])
})
afterAll(() => server.close())

type Row = { userId: string; revenue: number; refunds: number; name: string | null; lastPurchaseAt: string | null; lastSeenAt: string | null; createdAt: string }

async function allPages(query: string, key = account.secret): Promise<Row[]> {
  const rows = []
  let cursor: string | null = null
  do {
    const res = await server.call('GET', `/v1/customers?limit=5&${query}${cursor ? `&cursor=${cursor}` : ''}`, { key })
    expect(res.status).toBe(200)
    expect(res.body.data.length).toBeLessThanOrEqual(5)
    rows.push(...res.body.data)
    cursor = res.body.nextCursor
  } while (cursor)
  return rows
}

describe('GET /v1/customers', () => {
  it.each(['-revenue', '-lastPurchaseAt', '-lastSeenAt', '-createdAt', 'name'])('pages through every customer once, in %s order', async (sort) => {
    const rows = await allPages(`sort=${sort}`)
    expect(rows).toHaveLength(N)
    expect(new Set(rows.map((row) => row.userId)).size).toBe(N)
    const keyOf: Record<string, (row: Row) => number | string> = {
      '-revenue': (row) => -row.revenue,
      '-lastPurchaseAt': (row) => -Date.parse(row.lastPurchaseAt!),
      '-lastSeenAt': (row) => -Date.parse(row.lastSeenAt!),
      '-createdAt': (row) => -Date.parse(row.createdAt),
      name: (row) => (row.name ?? row.userId).toLowerCase(),
    }
    const keys = rows.map(keyOf[sort]!)
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
  })

  it('searches id, name and email, case-insensitively, treating % and _ literally', async () => {
    expect((await allPages('search=C07')).map((row) => row.userId)).toEqual(['c07'])
    expect((await allPages('search=name%20y')).map((row) => row.userId)).toEqual(['c01'])
    expect((await allPages('search=c03%40example')).map((row) => row.userId)).toEqual(['c03'])
    expect(await allPages('search=%25')).toEqual([])
  })

  it('sums revenue and orders per customer', async () => {
    const res = await server.call('GET', '/v1/customers/c03', { key: account.secret })
    expect(res.body.stats).toMatchObject({ orders: 4, revenue: 21 + 22 + 23 + 24, averageOrderValue: 22.5 })
    expect(res.body.purchases).toHaveLength(4)
    expect(res.body.predictions).toBeNull()
    expect(res.body.timeline.filter((entry: { type: string }) => entry.type === 'purchase')).toHaveLength(4)
  })
})

describe('GET /v1/purchases', () => {
  it('pages newest first, filters by customer and time range', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res = await server.call('GET', `/v1/purchases?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { key: account.secret })
      seen.push(...res.body.data.map((p: { orderId: string; timestamp: string }) => p.timestamp))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(N + [...Array(N).keys()].reduce((sum, i) => sum + (i % 4), 0))
    expect(seen).toEqual([...seen].sort().reverse())
    const ranged = await server.call('GET', '/v1/purchases?from=2025-06-02T00:00:00Z&to=2025-06-03T00:00:00Z', { key: account.secret })
    expect(ranged.body.data.map((p: { orderId: string }) => p.orderId).sort()).toEqual(['c01-0', 'c01-1'])
    const byDate = await server.call('GET', '/v1/purchases?from=2025-06-02&to=2025-06-02', { key: account.secret })
    expect(byDate.body.data.map((p: { orderId: string }) => p.orderId).sort()).toEqual(['c01-0', 'c01-1'])
    const one = await server.call('GET', '/v1/purchases?userId=c02', { key: account.secret })
    expect(one.body.data).toHaveLength(3)
  })
})

describe('totals refresh', () => {
  it('is done by the writer thread for a list: the new purchase shows at once, and the main connection writes nothing', async () => {
    const mainConnectionRefresh = vi.spyOn(server.crm.stores.totals, 'refresh')
    const bought = await server.call('POST', '/v1/batch', {
      key: account.secret,
      body: { batch: [{ type: 'purchase', orderId: 'big-1', userId: 'c07', amount: 5000, currency: 'USD', product: 'P' }] },
    })
    expect(bought.body.accepted).toBe(1)
    expect(server.crm.stores.customers.pendingTotals()).toBe(1)
    const res = await server.call('GET', '/v1/customers?sort=-revenue&limit=1', { key: account.secret })
    expect(res.body.data[0]).toMatchObject({ userId: 'c07', revenue: 5000 + 49 + 50 + 51 + 52 })
    expect(server.crm.stores.customers.pendingTotals()).toBe(0)
    expect(mainConnectionRefresh).not.toHaveBeenCalled()
  })
})

describe('customers net of refunds', () => {
  let shop: Account
  beforeAll(async () => {
    shop = await server.signup('Refunds')
  })
  const send = async (...batch: Record<string, unknown>[]) => {
    const res = await server.call('POST', '/v1/batch', { key: shop.secret, body: { batch } })
    expect(res.body).toMatchObject({ rejected: [] })
  }
  const detail = async (userId: string) => (await server.call('GET', `/v1/customers/${userId}`, { key: shop.secret })).body
  const listed = async (userId: string) => (await allPages('sort=name', shop.secret)).find((row) => row.userId === userId)

  it('counts refunds of an order, of the customer alone and in another currency, to the cent, before and after a refresh', async () => {
    await send(
      { type: 'purchase', orderId: 'n-1', userId: 'net', amount: '100.10', currency: 'USD', product: 'Kettle', timestamp: '2026-01-10T10:00:00Z' },
      { type: 'purchase', orderId: 'n-2', userId: 'net', amount: '0.30', currency: 'USD', product: 'Tea', timestamp: '2026-01-11T10:00:00Z' },
      { type: 'purchase', orderId: 'n-3', userId: 'net', amount: '50', currency: 'EUR', product: 'Mug', timestamp: '2026-01-12T10:00:00Z' },
    )
    await server.crm.services.ingestion.refreshTotals()
    await send(
      { type: 'refund', refundId: 'nr-1', userId: 'net', orderId: 'n-1', amount: '25.05', currency: 'USD', timestamp: '2026-01-13T10:00:00Z' },
      { type: 'refund', refundId: 'nr-2', userId: 'net', orderId: 'n-2', amount: '0.10', currency: 'USD', timestamp: '2026-01-14T10:00:00Z' },
      { type: 'refund', refundId: 'nr-3', userId: 'net', amount: '0.15', currency: 'USD', reason: 'Goodwill', timestamp: '2026-01-15T10:00:00Z' },
      { type: 'refund', refundId: 'nr-4', userId: 'net', orderId: 'n-3', amount: '20', currency: 'EUR', timestamp: '2026-01-16T10:00:00Z' },
    )
    const expected = {
      orders: 3,
      revenue: 75.1, // 100.10 + 0.30 − 25.05 − 0.10 − 0.15; the euros are neither revenue nor refunds in a USD app
      refunds: 25.3,
      averageOrderValue: 37.55, // net, over the 2 orders in dollars
      firstPurchaseAt: '2026-01-10T10:00:00.000Z',
      lastPurchaseAt: '2026-01-12T10:00:00.000Z',
      lastSeenAt: '2026-01-16T10:00:00.000Z',
    }
    expect(server.crm.stores.customers.pendingTotals()).toBeGreaterThan(0)
    const before = await detail('net')
    expect(before.stats).toEqual(expected)
    expect(before.timeline.filter((entry: { type: string }) => entry.type === 'refund').map((entry: { amount: number }) => entry.amount)).toEqual([20, 0.15, 0.1, 25.05])

    expect(await listed('net')).toMatchObject({ revenue: 75.1, refunds: 25.3, lastSeenAt: expected.lastSeenAt })
    expect(server.crm.stores.customers.pendingTotals()).toBe(0)
    expect((await detail('net')).stats).toEqual(expected)
  })

  it('sorts by -lastSeenAt: an event makes a customer the most recent, an older event does not', async () => {
    await send(
      { type: 'purchase', orderId: 's-1', userId: 'seen-a', amount: 1, currency: 'USD', product: 'P', timestamp: '2026-02-01T00:00:00Z' },
      { type: 'purchase', orderId: 's-2', userId: 'seen-b', amount: 1, currency: 'USD', product: 'P', timestamp: '2026-02-03T00:00:00Z' },
    )
    const order = async () => (await allPages('sort=-lastSeenAt', shop.secret)).map((row) => row.userId).filter((userId) => userId.startsWith('seen-'))
    expect(await order()).toEqual(['seen-b', 'seen-a'])
    await send({ type: 'event', userId: 'seen-a', event: 'Opened support ticket', timestamp: '2026-02-05T00:00:00Z' })
    await send({ type: 'event', userId: 'seen-b', event: 'Viewed pricing', timestamp: '2026-01-01T00:00:00Z' })
    await send({ type: 'event', userId: 'seen-c', event: 'Signed in', timestamp: '2026-02-04T00:00:00Z' })
    expect(await order()).toEqual(['seen-a', 'seen-c', 'seen-b'])
    const first = (await server.call('GET', '/v1/customers?sort=-lastSeenAt&limit=1', { key: shop.secret })).body.data[0]
    expect(first).toMatchObject({ userId: 'seen-a', lastSeenAt: '2026-02-05T00:00:00.000Z', lastPurchaseAt: '2026-02-01T00:00:00.000Z', revenue: 1, refunds: 0 })
    expect((await detail('seen-c')).stats).toMatchObject({ orders: 0, revenue: 0, refunds: 0, averageOrderValue: null, lastSeenAt: '2026-02-04T00:00:00.000Z' })
  })

  it('sorts -revenue by net revenue', async () => {
    await send(
      { type: 'purchase', orderId: 'r-1', userId: 'rank-big', amount: 1000, currency: 'USD', product: 'P', timestamp: '2026-03-01T00:00:00Z' },
      { type: 'purchase', orderId: 'r-2', userId: 'rank-kept', amount: 600, currency: 'USD', product: 'P', timestamp: '2026-03-01T00:00:00Z' },
      { type: 'refund', refundId: 'rr-1', userId: 'rank-big', orderId: 'r-1', amount: 500, currency: 'USD', timestamp: '2026-03-02T00:00:00Z' },
    )
    const ranked = (await allPages('sort=-revenue', shop.secret)).filter((row) => row.userId.startsWith('rank-'))
    expect(ranked.map((row) => [row.userId, row.revenue, row.refunds])).toEqual([
      ['rank-kept', 600, 0],
      ['rank-big', 500, 500],
    ])
  })
})
