import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from './harness'

let server: TestServer
let a: Account
let b: Account

beforeAll(async () => {
  server = await startTestServer()
  a = await server.signup('Alice')
  b = await server.signup('Bob')
  await server.call('POST', '/v1/batch', {
    key: b.secret,
    body: {
      batch: [
        { type: 'user', userId: 'b-only', name: 'Bob’s customer', email: 'secret@b.example' },
        { type: 'purchase', orderId: 'b-order', userId: 'b-only', amount: 10, currency: 'USD', product: 'B thing' },
      ],
    },
  })
})
afterAll(() => server.close())

describe('isolation between apps and accounts', () => {
  it('app A’s secret key never sees app B’s data', async () => {
    expect((await server.call('GET', '/v1/customers/b-only', { key: a.secret })).status).toBe(404)
    const list = await server.call('GET', '/v1/customers?search=b-only', { key: a.secret })
    expect(list.body.data).toEqual([])
    const purchases = await server.call('GET', '/v1/purchases?userId=b-only', { key: a.secret })
    expect(purchases.body.data).toEqual([])
    const all = await server.call('GET', '/v1/purchases', { key: a.secret })
    expect(JSON.stringify(all.body)).not.toContain('b-order')
    const connection = await server.call('GET', '/v1/connection', { key: a.secret })
    expect(connection.body.counts).toEqual({ customers: 0, purchases: 0 })
  })

  it('app A’s writes with the same ids land in app A only, without conflicting with app B', async () => {
    const same = { orderId: 'b-order', userId: 'b-only', amount: 99, currency: 'USD', product: 'A thing' }
    expect((await server.call('POST', '/v1/purchases', { key: a.secret, body: same })).status).toBe(201)
    const bView = await server.call('GET', '/v1/customers/b-only', { key: b.secret })
    expect(bView.body.stats).toMatchObject({ orders: 1, revenue: 10 })
    expect(bView.body.customer.name).toBe('Bob’s customer')
  })

  it('account A’s session cannot read, change or mint keys for app B', async () => {
    const apps = await server.call('GET', '/api/apps', { cookie: a.cookie })
    expect(apps.body.data.map((app: { id: string }) => app.id)).toEqual([a.appId])
    expect((await server.call('PATCH', `/api/apps/${b.appId}`, { cookie: a.cookie, body: { name: 'Mine now' } })).status).toBe(404)
    expect((await server.call('POST', `/api/apps/${b.appId}/keys`, { cookie: a.cookie, body: { type: 'secret' } })).status).toBe(404)
    const bKeys = (await server.call('GET', '/api/apps', { cookie: b.cookie })).body.data[0].keys
    expect((await server.call('DELETE', `/api/apps/${b.appId}/keys/${bKeys[0].id}`, { cookie: a.cookie })).status).toBe(404)
    expect((await server.call('DELETE', `/api/apps/${a.appId}/keys/${bKeys[0].id}`, { cookie: a.cookie })).status).toBe(404)
    expect((await server.call('GET', '/v1/connection', { key: b.publishable })).status).toBe(200)
  })

  it('a publishable key is refused on every read (403), a session cookie is not an API key (401)', async () => {
    for (const path of ['/v1/customers', '/v1/customers/b-only', '/v1/purchases']) {
      expect((await server.call('GET', path, { key: b.publishable })).status).toBe(403)
      expect((await server.call('GET', path, { cookie: b.cookie })).status).toBe(401)
    }
  })
})
