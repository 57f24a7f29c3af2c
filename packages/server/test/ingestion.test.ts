import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from './harness'

let server: TestServer
let account: Account
beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Shop')
})
afterAll(() => server.close())

const purchase = (orderId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  userId: 'u_1',
  amount: 19.99,
  currency: 'USD',
  timestamp: '2026-01-15T10:00:00Z',
  items: [{ productId: 'sku_1', name: 'Beans', category: 'Coffee', quantity: 1, price: '19.99' }],
  ...extra,
})

describe('POST /v1/users', () => {
  it('creates, then updates (fields overwrite, traits merge), and answers a seen messageId as duplicate', async () => {
    const key = account.publishable
    const first = await server.call('POST', '/v1/users', { key, body: { userId: 'u_1', name: 'Ada', email: 'ada@example.com', traits: { plan: 'free', seats: 1 }, messageId: 'm-u1' } })
    expect([first.status, first.body]).toEqual([201, { status: 'created' }])
    const again = await server.call('POST', '/v1/users', { key, body: { userId: 'u_1', name: 'Ada', messageId: 'm-u1' } })
    expect([again.status, again.body]).toEqual([200, { status: 'duplicate' }])
    const update = await server.call('POST', '/v1/users', { key, body: { userId: 'u_1', name: 'Ada L.', traits: { plan: 'pro', seats: null } } })
    expect([update.status, update.body]).toEqual([200, { status: 'updated' }])
    const detail = await server.call('GET', '/v1/customers/u_1', { key: account.secret })
    expect(detail.body.customer).toMatchObject({ userId: 'u_1', name: 'Ada L.', email: 'ada@example.com', traits: { plan: 'pro' } })
    expect(detail.body.timeline.map((entry: { type: string }) => entry.type)).toEqual(expect.arrayContaining(['signed_up', 'profile_updated']))
  })
})

describe('POST /v1/purchases', () => {
  it('creates; the same orderId is a duplicate with the same body and a 409 with another; nothing counts twice', async () => {
    const key = account.secret
    expect((await server.call('POST', '/v1/purchases', { key, body: purchase('o-1') })).status).toBe(201)
    const replay = await server.call('POST', '/v1/purchases', { key, body: purchase('o-1') })
    expect([replay.status, replay.body]).toEqual([200, { status: 'duplicate' }])
    const conflict = await server.call('POST', '/v1/purchases', { key, body: purchase('o-1', { amount: 25 , items: undefined, product: 'Other' }) })
    expect(conflict.status).toBe(409)
    expect(conflict.body.error.code).toBe('conflict')
    const customer = await server.call('GET', '/v1/customers/u_1', { key })
    expect(customer.body.stats).toMatchObject({ orders: 1, revenue: 19.99, averageOrderValue: 19.99 })
  })

  it('recognises a replay without a timestamp, and refuses the same orderId at another time or for another user', async () => {
    const key = account.secret
    const order = { orderId: 'o-now', userId: 'u_1', amount: 5, currency: 'USD', product: 'Now' }
    expect((await server.call('POST', '/v1/purchases', { key, body: order })).status).toBe(201)
    expect((await server.call('POST', '/v1/purchases', { key, body: order })).body).toEqual({ status: 'duplicate' })
    const timed = { ...order, orderId: 'o-timed', timestamp: '2026-01-02T00:00:00Z' }
    expect((await server.call('POST', '/v1/purchases', { key, body: timed })).status).toBe(201)
    expect((await server.call('POST', '/v1/purchases', { key, body: { ...timed, timestamp: '2026-01-03T00:00:00Z' } })).status).toBe(409)
    expect((await server.call('POST', '/v1/purchases', { key, body: { ...timed, userId: 'someone-else' } })).status).toBe(409)
    expect(server.crm.stores.db.prepare("SELECT count(*) AS n FROM customers WHERE user_id = 'someone-else'").get()).toEqual({ n: 0 })
  })

  it('creates an unknown customer on its first purchase, with createdAt no later than that purchase', async () => {
    const key = account.publishable
    const res = await server.call('POST', '/v1/purchases', { key, body: { orderId: 'o-new', userId: 'u_new', amount: '5', currency: 'USD', product: 'Sticker', timestamp: '2025-03-01T12:00:00+03:00' } })
    expect(res.status).toBe(201)
    const customer = await server.call('GET', '/v1/customers/u_new', { key: account.secret })
    expect(customer.body.customer.createdAt).toBe('2025-03-01T09:00:00.000Z')
    expect(customer.body.purchases[0].items).toEqual([{ productId: null, name: 'Sticker', category: null, quantity: 1, price: 5 }])
  })

  it('reads a timestamp without an offset in the app’s time zone, and tolerates float noise in amounts', async () => {
    const { cookie, secret, appId } = await server.signup('Tokyo')
    await server.call('PATCH', `/api/apps/${appId}`, { cookie, body: { timezone: 'Asia/Tokyo' } })
    const res = await server.call('POST', '/v1/purchases', { key: secret, body: { orderId: 't1', userId: 't', amount: 3 * 5.1, currency: 'USD', product: 'Tea', timestamp: '2026-01-01T10:00:00' } })
    expect(res.status).toBe(201)
    const list = await server.call('GET', '/v1/purchases?userId=t', { key: secret })
    expect(list.body.data[0]).toMatchObject({ timestamp: '2026-01-01T01:00:00.000Z', amount: 15.3 })
    // As spreadsheet and SQL exports write it: a space for the T.
    const spaced = await server.call('POST', '/v1/purchases', { key: secret, body: { orderId: 't2', userId: 't', amount: 1, currency: 'USD', product: 'Tea', timestamp: '2026-01-02 10:00:00' } })
    expect(spaced.status).toBe(201)
    expect((await server.call('GET', '/v1/purchases?userId=t', { key: secret })).body.data[0]).toMatchObject({ orderId: 't2', timestamp: '2026-01-02T01:00:00.000Z' })
    const bad = await server.call('POST', '/v1/purchases', { key: secret, body: { orderId: 't3', userId: 't', amount: 1, currency: 'USD', product: 'Tea', timestamp: '2026-01-02 25:00:00' } })
    expect(bad.body.error.issues).toEqual([{ path: 'timestamp', message: 'must be an ISO 8601 date-time such as 2026-11-21T10:00:00Z' }])
  })

  it('stores integer minor units by the currency exponent and keeps other currencies out of revenue', async () => {
    const { cookie, secret } = await server.signup('Yen')
    const apps = await server.call('GET', '/api/apps', { cookie })
    await server.call('PATCH', `/api/apps/${apps.body.data[0].id}`, { cookie, body: { currency: 'JPY' } })
    expect((await server.call('POST', '/v1/purchases', { key: secret, body: { orderId: 'j1', userId: 'k', amount: 1500, currency: 'JPY', product: 'Tea' } })).status).toBe(201)
    expect((await server.call('POST', '/v1/purchases', { key: secret, body: { orderId: 'k1', userId: 'k', amount: '1.234', currency: 'KWD', product: 'Tea' } })).status).toBe(201)
    const rows = server.crm.stores.db.prepare("SELECT order_id AS o, amount FROM purchases WHERE order_id IN ('j1', 'k1') ORDER BY order_id").all()
    expect(rows).toEqual([{ o: 'j1', amount: 1500 }, { o: 'k1', amount: 1234 }])
    const customer = await server.call('GET', '/v1/customers/k', { key: secret })
    expect(customer.body.stats).toMatchObject({ orders: 2, revenue: 1500, averageOrderValue: 1500 })
    const purchases = await server.call('GET', '/v1/purchases?userId=k', { key: secret })
    expect(purchases.body.data.map((p: { amount: number; currency: string }) => [p.amount, p.currency]).sort()).toEqual([[1.234, 'KWD'], [1500, 'JPY']])
  })

  it('rounds amounts and unit prices finer than the currency half up, and a replay of them is a duplicate', async () => {
    const { secret } = await server.signup('Pads')
    const pads = { orderId: 'p1', userId: 'p', amount: 15.305, currency: 'USD', items: [{ name: 'Pads', price: '0.001' }, { name: 'Fuel', quantity: 10, price: 1.459 }] }
    expect((await server.call('POST', '/v1/purchases', { key: secret, body: pads })).status).toBe(201)
    const [stored] = (await server.call('GET', '/v1/purchases?userId=p', { key: secret })).body.data
    expect(stored).toMatchObject({ amount: 15.31, items: [{ name: 'Pads', price: 0 }, { name: 'Fuel', quantity: 10, price: 1.46 }] })
    expect((await server.call('POST', '/v1/purchases', { key: secret, body: pads })).body).toEqual({ status: 'duplicate' })
  })
})

describe('POST /v1/batch', () => {
  it('stores the valid events, reports the rejected ones by index, and dedups a retried batch', async () => {
    const key = account.publishable
    const batch = [
      { type: 'user', userId: 'b1', name: 'Batch One', messageId: 'b-m1' },
      { type: 'purchase', ...purchase('b-o1', { userId: 'b1' }), messageId: 'b-m2' },
      { type: 'purchase', ...purchase('b-o2', { userId: 'b1', amount: -5 }), messageId: 'b-m3' },
      { type: 'order_cancelled', orderId: 'x' }, // not a type of ours
      { type: 'purchase', ...purchase('o-1', { amount: 99, items: undefined, product: 'Clash' }), messageId: 'b-m5' },
    ]
    const res = await server.call('POST', '/v1/batch', { key, body: { batch, sentAt: new Date().toISOString() } })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(2)
    expect(res.body.duplicates).toBe(0)
    expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [2, 'validation_failed'],
      [3, 'validation_failed'],
      [4, 'conflict'],
    ])
    expect(res.body.rejected[0].issues).toEqual([{ path: 'batch.2.amount', message: 'must not be negative' }])
    expect(res.body.rejected[1].issues[0].path).toBe('batch.3.type')

    const retry = await server.call('POST', '/v1/batch', { key, body: { batch: batch.slice(0, 2) } })
    expect(retry.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] })
    const customer = await server.call('GET', '/v1/customers/b1', { key: account.secret })
    expect(customer.body.stats.orders).toBe(1)
  })

  it('takes a sendBeacon body: text/plain with the publishable key inside, and no preflight needed', async () => {
    const res = await server.call('POST', '/v1/batch', {
      contentType: 'text/plain;charset=UTF-8',
      origin: 'https://shop.example',
      rawBody: JSON.stringify({ key: account.publishable, batch: [{ type: 'user', userId: 'beacon-1' }] }),
    })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const secretInBody = await server.call('POST', '/v1/batch', { contentType: 'text/plain', rawBody: JSON.stringify({ key: account.secret, batch: [{ type: 'user', userId: 'x' }] }) })
    expect(secretInBody.status).toBe(401)
  })

  it('answers CORS preflights for browser apps', async () => {
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS')
    expect(res.headers.get('access-control-max-age')).toBe('86400')
  })

  it('gives every answer, success or error, its request id, CORS and security headers', async () => {
    const answers = [
      await server.call('POST', '/v1/purchases', { key: account.secret, body: purchase('o-headers') }),
      await server.call('POST', '/v1/purchases', { key: account.secret, body: purchase('o-headers', { amount: -1 }) }),
      await server.call('GET', '/v1/connection', { key: 'crm_sk_wrong' }),
      await server.call('GET', '/v1/no-such-route', { key: account.secret }),
    ]
    expect(answers.map((res) => res.status)).toEqual([201, 400, 401, 404])
    const ids = new Set<string>()
    for (const res of answers) {
      expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/)
      ids.add(res.headers.get('x-request-id')!)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    }
    expect(ids.size).toBe(answers.length)
  })

  it('rejects an event over 64 KiB inside a batch, keeping the rest', async () => {
    const big = { type: 'user', userId: 'big', traits: { blob: 'x'.repeat(70_000) } }
    const res = await server.call('POST', '/v1/batch', { key: account.secret, body: { batch: [big, { type: 'user', userId: 'small' }] } })
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected).toEqual([{ index: 0, code: 'payload_too_large', message: expect.any(String) }])
  })
})

describe('GET /v1/connection', () => {
  it('tells the app, the key type, the last event and the counts', async () => {
    const fresh = await server.signup('Conn')
    const before = await server.call('GET', '/v1/connection', { key: fresh.publishable })
    expect(before.body).toMatchObject({ keyType: 'publishable', lastEventAt: null, counts: { customers: 0, purchases: 0, refunds: 0, events: 0 }, app: { id: fresh.appId, currency: 'USD', timezone: 'UTC' } })
    await server.call('POST', '/v1/purchases', { key: fresh.publishable, body: purchase('c-1') })
    const after = await server.call('GET', '/v1/connection', { key: fresh.secret })
    expect(after.body.keyType).toBe('secret')
    expect(after.body.counts).toEqual({ customers: 1, purchases: 1, refunds: 0, events: 0 })
    expect(Date.parse(after.body.lastEventAt)).toBeGreaterThan(Date.now() - 60_000)
  })
})
