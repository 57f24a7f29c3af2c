import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from '../../test/harness'
import { readToken } from './signed-token'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

/** Every route an embed token may read, each answering the status it gets with `token`. */
const READS = [
  ...['/v1/reports/sales', '/v1/insights', '/v1/insights/trends', '/v1/insights/forecast', '/v1/insights/recommendations'].map((path) =>
    Object.defineProperty(async (token: string) => (await server.call('GET', path, { key: token })).status, 'name', { value: `GET ${path}` }),
  ),
  // The assistant answers 503 here (no language model): past authentication, it is not 401.
  async function ask(token: string) {
    return (await server.call('POST', '/v1/assistant/ask', { key: token, body: { question: 'How are sales?' } })).status
  },
]

/** Revokes, from the admin page, the secret key `signup` returned. */
async function revokeSecretKey(account: Account): Promise<void> {
  const keys = (await server.call('GET', '/api/apps', { cookie: account.cookie })).body.data[0].keys as { id: string; prefix: string }[]
  const secret = keys.find((key) => account.secret.startsWith(key.prefix))!
  expect((await server.call('DELETE', `/api/apps/${account.appId}/keys/${secret.id}`, { cookie: account.cookie })).status).toBe(204)
}

describe('POST /v1/embed-tokens', () => {
  it('mints a token with a secret key (600 s by default) that reads as an embed caller', async () => {
    const account = await server.signup()
    const before = Date.now()
    const res = await server.call('POST', '/v1/embed-tokens', { key: account.secret })
    expect(res.status).toBe(201)
    expect(res.body.token).toMatch(/^crm_et_[\w-]+\.[\w-]+$/)
    const expiresIn = Date.parse(res.body.expiresAt) - before
    expect(expiresIn).toBeGreaterThan(598_000)
    expect(expiresIn).toBeLessThanOrEqual(601_000)
  })

  it('takes ttlSeconds up to 3600 and refuses more, less than 1 and unknown fields', async () => {
    const account = await server.signup()
    const ok = await server.call('POST', '/v1/embed-tokens', { key: account.secret, body: { ttlSeconds: 3600 } })
    expect(ok.status).toBe(201)
    expect(Date.parse(ok.body.expiresAt) - Date.now()).toBeGreaterThan(3590_000)
    for (const body of [{ ttlSeconds: 3601 }, { ttlSeconds: 0 }, { ttlSeconds: 1.5 }, { ttlSeconds: '60' }, { ttl: 60 }]) {
      const bad = await server.call('POST', '/v1/embed-tokens', { key: account.secret, body })
      expect(bad.status, JSON.stringify(body)).toBe(400)
      expect(bad.body.error.code).toBe('validation_failed')
    }
  })

  it('refuses a publishable key, an embed token, no key and a revoked key', async () => {
    const account = await server.signup()
    expect((await server.call('POST', '/v1/embed-tokens', { key: account.publishable })).status).toBe(403)
    const { body } = await server.call('POST', '/v1/embed-tokens', { key: account.secret })
    expect((await server.call('POST', '/v1/embed-tokens', { key: body.token })).status).toBe(403)
    expect((await server.call('POST', '/v1/embed-tokens', {})).status).toBe(401)
    const admin = await server.call('POST', `/api/apps/${account.appId}/access-token`, { cookie: account.cookie })
    const byAdminPage = await server.call('POST', '/v1/embed-tokens', { key: admin.body.token })
    expect(byAdminPage.status).toBe(403) // a token must hang on a key, and the admin page's has none
    expect(byAdminPage.body.error.code).toBe('forbidden')
    await revokeSecretKey(account)
    expect((await server.call('POST', '/v1/embed-tokens', { key: account.secret })).status).toBe(401)
  })

  it('dies with the secret key that minted it, on every route it could read; a live key’s token keeps working', async () => {
    const account = await server.signup()
    const doomed = (await server.call('POST', '/v1/embed-tokens', { key: account.secret })).body.token as string
    const second = await server.call('POST', `/api/apps/${account.appId}/keys`, { cookie: account.cookie, body: { type: 'secret', name: 'Second' } })
    expect(second.status).toBe(201)
    const survivor = (await server.call('POST', '/v1/embed-tokens', { key: second.body.key })).body.token as string
    for (const token of [doomed, survivor]) for (const read of READS) expect(await read(token), read.name).not.toBe(401)

    await revokeSecretKey(account)
    for (const read of READS) {
      expect(await read(doomed), read.name).toBe(401)
      expect(await read(survivor), read.name).not.toBe(401)
    }
  })

  it('is read-only: refused on customer reads, ingestion and the connection check', async () => {
    const account = await server.signup()
    const { body } = await server.call('POST', '/v1/embed-tokens', { key: account.secret })
    const token = body.token as string
    expect((await server.call('GET', '/v1/customers', { key: token })).status).toBe(403)
    expect((await server.call('GET', '/v1/customers/u1', { key: token })).status).toBe(403)
    expect((await server.call('GET', '/v1/purchases', { key: token })).status).toBe(403)
    expect((await server.call('GET', '/v1/connection', { key: token })).status).toBe(403)
    const before = server.digest()
    expect((await server.call('POST', '/v1/users', { key: token, body: { userId: 'u1' } })).status).toBe(403)
    expect((await server.call('POST', '/v1/batch', { key: token, body: { batch: [{ type: 'user', userId: 'u1' }] } })).status).toBe(403)
    expect(server.digest()).toBe(before)
  })

  it('answers 401 for a tampered or expired token', async () => {
    const account = await server.signup()
    const short = await server.call('POST', '/v1/embed-tokens', { key: account.secret, body: { ttlSeconds: 1 } })
    const token = short.body.token as string
    const [body, signature] = token.slice('crm_et_'.length).split('.') as [string, string]
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString())
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url')
    const tampered = await server.call('POST', '/v1/embed-tokens', { key: `crm_et_${longer}.${signature}` })
    expect(tampered.status).toBe(401)
    expect(tampered.body.error.code).toBe('unauthorized')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const expired = await server.call('GET', '/v1/customers', { key: token })
    expect(expired.status).toBe(401)
  })

  it('survives a restart: the signing secret is in the database', async () => {
    const account = await server.signup()
    const { body } = await server.call('POST', '/v1/embed-tokens', { key: account.secret })
    const secretRow = server.crm.stores.db.prepare("SELECT secret FROM signing_secrets WHERE name = 'app-tokens'").get() as { secret: Buffer }
    expect(readToken(new Uint8Array(secretRow.secret), body.token, Date.now() / 1000)?.app).toBe(account.appId)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await server.call('GET', '/openapi.json')
    expect(Object.keys(doc.body.paths['/v1/embed-tokens'])).toEqual(['post'])
    expect(doc.body.paths['/api/apps/{appId}/access-token'].post).toBeDefined()
  })
})

describe('POST /api/apps/:appId/access-token (the admin page)', () => {
  it('gives the signed-in owner a token with secret-key rights on the public API, ended by log-out', async () => {
    const account = await server.signup()
    const minted = await server.call('POST', `/api/apps/${account.appId}/access-token`, { cookie: account.cookie })
    expect(minted.status).toBe(201)
    const token = minted.body.token as string
    expect((await server.call('POST', '/v1/users', { key: token, body: { userId: 'u1', name: 'Ada' } })).status).toBe(201)
    const customers = await server.call('GET', '/v1/customers', { key: token })
    expect(customers.status).toBe(200)
    expect(customers.body.data.map((c: { userId: string }) => c.userId)).toEqual(['u1'])
    expect((await server.call('GET', '/v1/connection', { key: token })).body.counts.customers).toBe(1)
    expect((await server.call('POST', '/api/auth/logout', { cookie: account.cookie })).status).toBe(204)
    expect((await server.call('GET', '/v1/customers', { key: token })).status).toBe(401)
  })

  it('needs a session, the same origin and the user’s own app', async () => {
    const ada = await server.signup('Ada')
    const bob = await server.signup('Bob')
    expect((await server.call('POST', `/api/apps/${ada.appId}/access-token`)).status).toBe(401)
    expect((await server.call('POST', `/api/apps/${ada.appId}/access-token`, { cookie: ada.cookie, origin: 'https://evil.example' })).status).toBe(403)
    expect((await server.call('POST', `/api/apps/${ada.appId}/access-token`, { cookie: bob.cookie })).status).toBe(404)
  })
})
