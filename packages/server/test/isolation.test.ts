import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from './harness'

// Walks every operation the OpenAPI document lists, so a new route cannot ship without saying how it keeps one app's
// data from another.

let server: TestServer
let a: Account
let b: Account

beforeAll(async () => {
  server = await startTestServer()
  a = await server.signup('Alice')
  b = await server.signup('Bob')
  const batch = [
    { type: 'user', userId: 'b-only', name: 'Bob’s customer', email: 'secret@b.example' },
    { type: 'purchase', orderId: 'b-order', userId: 'b-only', amount: 10, currency: 'USD', product: 'B thing' },
    { type: 'purchase', orderId: 'b-order-3', userId: 'b-only-purchaser', amount: 20, currency: 'USD', product: 'B thing' },
    { type: 'purchase', orderId: 'b-order-4', userId: 'b-only-purchaser', amount: 30, currency: 'USD', product: 'B thing' },
    { type: 'event', userId: 'b-only-purchaser', event: 'B secret event' },
  ]
  const sent = await server.call('POST', '/v1/batch', { key: b.secret, body: { batch } })
  expect(sent.body).toMatchObject({ accepted: 5, rejected: [] })
})
afterAll(() => server.close())

/** Strings that only app B's data contains: none may appear in anything app A's credentials read. */
const B_MARKERS = ['b-only-purchaser', 'b-order-3', 'B thing', 'secret@b.example', 'Bob’s customer', 'B secret event']

function expectNothingOfB(body: unknown): void {
  const text = JSON.stringify(body)
  for (const marker of B_MARKERS) expect(text, `leaks "${marker}"`).not.toContain(marker)
}

/** A's credentials of every kind: its secret key, the admin page's token and a widget token. */
type Credentials = { secret: string; adminToken: string; embedToken: string }

/**
 * One probe per operation of `/openapi.json`: each makes the operation's requests with A's credentials, aimed at B's
 * app or B's data where the operation names one, and checks that A sees or changes nothing of B.
 */
const probes: Record<string, (creds: Credentials) => Promise<void>> = {
  'POST /api/auth/signup': async () => {
    // Signing up with B's email neither logs in as B nor creates a second account for it.
    const res = await server.call('POST', '/api/auth/signup', { body: { name: 'Eve', email: b.email, password: 'correct horse battery' } })
    expect(res.status).toBe(409)
    expect(res.headers.get('set-cookie')).toBeNull()
  },
  'POST /api/auth/login': async () => {
    const res = await server.call('POST', '/api/auth/login', { body: { email: b.email, password: 'correct horse battery, not' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
  },
  'GET /api/auth/me': async () => {
    const me = await server.call('GET', '/api/auth/me', { cookie: a.cookie })
    expect(me.body.user.email).toBe(a.email)
  },
  'POST /api/auth/logout': async () => {
    // A's logout ends A's session only (A logs out a second session of its own, opened for this).
    const login = await server.call('POST', '/api/auth/login', { body: { email: a.email, password: 'correct horse battery' } })
    const second = login.headers.get('set-cookie')!.split(';', 1)[0]!
    expect((await server.call('POST', '/api/auth/logout', { cookie: second })).status).toBe(204)
    expect((await server.call('GET', '/api/auth/me', { cookie: b.cookie })).status).toBe(200)
    expect((await server.call('GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(200)
  },
  'GET /api/apps': async () => {
    const ids = (await server.call('GET', '/api/apps', { cookie: a.cookie })).body.data.map((app: { id: string }) => app.id)
    expect(ids).toContain(a.appId)
    expect(ids).not.toContain(b.appId)
  },
  'POST /api/apps': async () => {
    const created = await server.call('POST', '/api/apps', { cookie: a.cookie, body: { name: 'A second shop' } })
    expect(created.status).toBe(201)
    const bApps = await server.call('GET', '/api/apps', { cookie: b.cookie })
    expect(bApps.body.data.map((app: { name: string }) => app.name)).not.toContain('A second shop')
  },
  'PATCH /api/apps/{appId}': async () => {
    expect((await server.call('PATCH', `/api/apps/${b.appId}`, { cookie: a.cookie, body: { currency: 'EUR' } })).status).toBe(404)
  },
  'POST /api/apps/{appId}/keys': async () => {
    expect((await server.call('POST', `/api/apps/${b.appId}/keys`, { cookie: a.cookie, body: { type: 'secret' } })).status).toBe(404)
  },
  'DELETE /api/apps/{appId}/keys/{keyId}': async () => {
    const bKeys = (await server.call('GET', '/api/apps', { cookie: b.cookie })).body.data[0].keys
    for (const key of bKeys) {
      expect((await server.call('DELETE', `/api/apps/${b.appId}/keys/${key.id}`, { cookie: a.cookie })).status).toBe(404)
      expect((await server.call('DELETE', `/api/apps/${a.appId}/keys/${key.id}`, { cookie: a.cookie })).status).toBe(404)
    }
  },
  'POST /api/apps/{appId}/access-token': async () => {
    expect((await server.call('POST', `/api/apps/${b.appId}/access-token`, { cookie: a.cookie })).status).toBe(404)
  },
  'POST /v1/users': async ({ secret }) => {
    const res = await server.call('POST', '/v1/users', { key: secret, body: { userId: 'b-only', name: 'Renamed by A' } })
    expect(res.status).toBe(201) // a new customer of A's, with the same id
  },
  'POST /v1/purchases': async ({ secret }) => {
    const same = { orderId: 'b-order', userId: 'b-only', amount: 99, currency: 'USD', product: 'A thing' }
    expect((await server.call('POST', '/v1/purchases', { key: secret, body: same })).status).toBe(201)
  },
  'POST /v1/batch': async ({ secret }) => {
    const batch = [{ type: 'purchase', orderId: 'b-order-2', userId: 'b-only', amount: 5, currency: 'USD', product: 'A thing' }]
    const res = await server.call('POST', '/v1/batch', { key: secret, body: { batch } })
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] })
  },
  'POST /v1/refunds': async ({ secret }) => {
    // B's order, named with A's key: A has no such order (not "another user's"), and nothing lands in B or in A.
    const res = await server.call('POST', '/v1/refunds', {
      key: secret,
      body: { refundId: 'a-refund', userId: 'b-only-purchaser', amount: 1, currency: 'USD', orderId: 'b-order-3' },
    })
    expect([res.status, res.body.error.issues.map((issue: { path: string }) => issue.path)]).toEqual([400, ['orderId']])
    expectNothingOfB(res.body)
  },
  'POST /v1/events': async ({ secret }) => {
    const res = await server.call('POST', '/v1/events', { key: secret, body: { userId: 'b-only', event: 'Viewed pricing' } })
    expect(res.status).toBe(201) // on A's own twin of b-only
  },
  'GET /v1/connection': async (creds) => {
    for (const key of [creds.secret, creds.adminToken]) {
      const connection = await server.call('GET', '/v1/connection', { key })
      expect(connection.body.app.id).toBe(a.appId)
      expectNothingOfB(connection.body)
    }
  },
  'GET /v1/customers': async (creds) => {
    for (const key of [creds.secret, creds.adminToken]) {
      for (const query of ['', '?search=b-only', '?search=secret@b', '?sort=-revenue', '?sort=name']) {
        const list = await server.call('GET', `/v1/customers${query}`, { key })
        expect(list.status).toBe(200)
        expect(list.body.data.every((customer: { email: string | null }) => customer.email === null)).toBe(true)
        expectNothingOfB(list.body.data.map((customer: { name: string | null; email: string | null }) => [customer.name, customer.email]))
      }
    }
    expect((await server.call('GET', '/v1/customers', { key: creds.embedToken })).status).toBe(403) // reports and insights only
  },
  'GET /v1/customers/{userId}': async (creds) => {
    expect((await server.call('GET', '/v1/customers/b-only-purchaser', { key: creds.secret })).status).toBe(404)
    expect((await server.call('GET', '/v1/customers/b-only-purchaser', { key: creds.adminToken })).status).toBe(404)
    const ownTwin = await server.call('GET', '/v1/customers/b-only', { key: creds.secret })
    expect(ownTwin.body.customer.name).toBe('Renamed by A')
    expect(ownTwin.body.customer.email).toBeNull()
    expect(ownTwin.body.purchases.map((purchase: { amount: number }) => purchase.amount).sort((x: number, y: number) => x - y)).toEqual([5, 99])
  },
  'GET /v1/purchases': async (creds) => {
    for (const key of [creds.secret, creds.adminToken]) {
      const all = await server.call('GET', '/v1/purchases', { key })
      expect(all.body.data.map((purchase: { amount: number }) => purchase.amount).sort((x: number, y: number) => x - y)).toEqual([5, 99]) // A's own
      expect((await server.call('GET', '/v1/purchases?userId=b-only-purchaser', { key })).body.data).toEqual([])
    }
  },
  'POST /v1/embed-tokens': async (creds) => {
    const minted = await server.call('POST', '/v1/embed-tokens', { key: creds.secret })
    const report = await server.call('GET', '/v1/reports/sales', { key: minted.body.token })
    expect(report.body.totals.revenue).toBe(104) // A's 99 + 5, none of B's 10, 20 and 30
  },
  'GET /v1/reports/sales': async (creds) => {
    for (const key of [creds.secret, creds.adminToken, creds.embedToken]) {
      const report = await server.call('GET', '/v1/reports/sales?interval=month', { key })
      expect(report.body.totals).toMatchObject({ revenue: 104, orders: 2, customers: 1 })
      expectNothingOfB(report.body.topProducts)
      if (key === creds.embedToken) {
        // A widget's token is public: its top customers are anonymous (A's own twin of b-only, by rank).
        expect(report.body.topCustomers).toEqual([{ rank: 1, revenue: 104, orders: 2 }])
        continue
      }
      expect(report.body.topCustomers.map((customer: { userId: string }) => customer.userId)).toEqual(['b-only'])
      expect(report.body.topCustomers[0].name).toBe('Renamed by A')
    }
  },
  'GET /v1/reports/events': async (creds) => {
    for (const key of [creds.secret, creds.adminToken, creds.embedToken]) {
      const report = await server.call('GET', '/v1/reports/events?interval=month', { key })
      expect(report.status).toBe(200)
      // A's own event on its twin of b-only (the POST /v1/events probe), none of B's.
      expect(report.body.topEvents).toEqual([{ event: 'Viewed pricing', count: 1, customers: 1 }])
      expect(report.body.totals).toEqual({ events: 1, customers: 1 })
      expectNothingOfB(report.body)
    }
  },
  'GET /v1/insights': async (creds) => insightsOfA(creds, '/v1/insights'),
  'GET /v1/insights/trends': async (creds) => insightsOfA(creds, '/v1/insights/trends'),
  'GET /v1/insights/forecast': async (creds) => insightsOfA(creds, '/v1/insights/forecast'),
  'GET /v1/insights/recommendations': async (creds) => insightsOfA(creds, '/v1/insights/recommendations'),
  'POST /v1/assistant/ask': async (creds) => {
    // The assistant is off in this server: A is told so, and learns nothing of B on the way.
    const res = await server.call('POST', '/v1/assistant/ask', { key: creds.secret, body: { question: 'Who bought the most?' } })
    expect(res.status).toBe(503)
    expectNothingOfB(res.body)
  },
}

async function insightsOfA(creds: Credentials, path: string): Promise<void> {
  for (const key of [creds.secret, creds.adminToken, creds.embedToken]) {
    const res = await server.call('GET', path, { key })
    expect(res.status).toBe(200)
    expectNothingOfB(res.body)
  }
}

describe('isolation on every operation of /openapi.json', () => {
  it('has a probe for each operation, and no probe for one that is gone', async () => {
    const document = (await server.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    expect(Object.keys(probes).sort()).toEqual(operations.sort())
  })

  it('with A’s session, secret key, admin token or widget token, every operation sees and changes nothing of B’s', async () => {
    const bBefore = await viewOfB()
    const adminToken = (await server.call('POST', `/api/apps/${a.appId}/access-token`, { cookie: a.cookie })).body.token as string
    const embedToken = (await server.call('POST', '/v1/embed-tokens', { key: a.secret })).body.token as string
    const creds = { secret: a.secret, adminToken, embedToken }
    // Writes first, so the reads after them find A's own twins of B's ids.
    for (const [operation, probe] of Object.entries(probes).sort(([x], [y]) => Number(y.startsWith('POST /v1/')) - Number(x.startsWith('POST /v1/')))) {
      await probe(creds).catch((error: unknown) => {
        throw new Error(`${operation}: ${error instanceof Error ? error.message : String(error)}`)
      })
    }
    expect(await viewOfB()).toEqual(bBefore)
  })

  it('a publishable key is refused on every read (403), a session cookie is not an API key (401)', async () => {
    for (const path of ['/v1/customers', '/v1/customers/b-only-purchaser', '/v1/purchases']) {
      expect((await server.call('GET', path, { key: b.publishable })).status).toBe(403)
      expect((await server.call('GET', path, { cookie: b.cookie })).status).toBe(401)
    }
  })
})

/** Everything B can see of its own app, for a before-and-after comparison. */
async function viewOfB(): Promise<unknown> {
  const [apps, connection, customers, purchases, report] = await Promise.all([
    server.call('GET', '/api/apps', { cookie: b.cookie }),
    server.call('GET', '/v1/connection', { key: b.secret }),
    server.call('GET', '/v1/customers', { key: b.secret }),
    server.call('GET', '/v1/purchases', { key: b.secret }),
    server.call('GET', '/v1/reports/sales?interval=month', { key: b.secret }),
  ])
  const app = apps.body.data[0]
  return { app: { ...app, lastEventAt: undefined, keys: app.keys.map((key: object) => ({ ...key, lastUsedAt: undefined })) }, connection: { ...connection.body, lastEventAt: undefined }, customers: customers.body, purchases: purchases.body, report: report.body.totals }
}
