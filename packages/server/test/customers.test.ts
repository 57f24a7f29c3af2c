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

async function allPages(query: string): Promise<{ userId: string; revenue: number; name: string | null; lastPurchaseAt: string | null; createdAt: string }[]> {
  const rows = []
  let cursor: string | null = null
  do {
    const res = await server.call('GET', `/v1/customers?limit=5&${query}${cursor ? `&cursor=${cursor}` : ''}`, { key: account.secret })
    expect(res.status).toBe(200)
    expect(res.body.data.length).toBeLessThanOrEqual(5)
    rows.push(...res.body.data)
    cursor = res.body.nextCursor
  } while (cursor)
  return rows
}

describe('GET /v1/customers', () => {
  it.each(['-revenue', '-lastPurchaseAt', '-createdAt', 'name'])('pages through every customer once, in %s order', async (sort) => {
    const rows = await allPages(`sort=${sort}`)
    expect(rows).toHaveLength(N)
    expect(new Set(rows.map((row) => row.userId)).size).toBe(N)
    const keys = rows.map((row) =>
      sort === '-revenue' ? -row.revenue : sort === '-lastPurchaseAt' ? -Date.parse(row.lastPurchaseAt!) : sort === '-createdAt' ? -Date.parse(row.createdAt) : (row.name ?? row.userId).toLowerCase(),
    )
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
