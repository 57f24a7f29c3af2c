import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('sign-up, log-in, log-out', () => {
  it('signs up: the user, the first app and its two keys, once, with an HttpOnly SameSite=Lax cookie', async () => {
    const email = `grace-${Date.now()}@example.com`
    const res = await server.call('POST', '/api/auth/signup', { body: { name: 'Grace', email, password: 'hopper-1906' } })
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({ name: 'Grace', email })
    expect(res.body.apiKeys.publishable).toMatch(/^crm_pk_[a-z2-7]{32}$/)
    expect(res.body.apiKeys.secret).toMatch(/^crm_sk_[a-z2-7]{32}$/)
    expect(res.body.app.keys).toHaveLength(2)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/crm_session=[a-z2-7]+\.[a-z2-7]+/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)

    // Keys are shown once: the list has prefixes only, and only hashes are stored.
    const apps = await server.call('GET', '/api/apps', { cookie: cookie.split(';')[0] })
    expect(JSON.stringify(apps.body)).not.toContain(res.body.apiKeys.secret)
    const stored = server.crm.stores.db.prepare('SELECT hash, prefix FROM api_keys').all() as { hash: string; prefix: string }[]
    expect(stored.some((row) => row.hash.includes(res.body.apiKeys.secret.slice(7)))).toBe(false)
    expect(stored.map((row) => row.prefix)).toContain(res.body.apiKeys.secret.slice(0, 11))
    const hash = server.crm.stores.db.prepare('SELECT password_hash AS h FROM users WHERE email = ?').get(email) as { h: string }
    expect(hash.h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)

    const again = await server.call('POST', '/api/auth/signup', { body: { name: 'Grace', email: email.toUpperCase(), password: 'hopper-1906' } })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('conflict')
  })

  it('logs in and out; the same 401 for an unknown email and a wrong password', async () => {
    const account = await server.signup('Linus')
    const wrong = await server.call('POST', '/api/auth/login', { body: { email: account.email, password: 'nope-nope-nope' } })
    const unknown = await server.call('POST', '/api/auth/login', { body: { email: `nobody-${Date.now()}@example.com`, password: 'nope-nope-nope' } })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.body.error.code).toBe('invalid_credentials')

    const login = await server.call('POST', '/api/auth/login', { body: { email: account.email, password: 'correct horse battery' } })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    expect((await server.call('GET', '/api/auth/me', { cookie })).body.user.email).toBe(account.email)

    expect((await server.call('POST', '/api/auth/logout', { cookie })).status).toBe(204)
    expect((await server.call('GET', '/api/auth/me', { cookie })).status).toBe(401)
    expect((await server.call('GET', '/api/auth/me')).status).toBe(401)
  })

  it('rate-limits repeated failed log-ins with 429 and Retry-After', async () => {
    const account = await server.signup('Mallory')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await server.call('POST', '/api/auth/login', { body: { email: account.email, password: `guess-${i}-guess` } })).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const blocked = await server.call('POST', '/api/auth/login', { body: { email: account.email, password: 'correct horse battery' } })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('refuses state-changing cookie requests from another origin, or without proof of origin', async () => {
    const account = await server.call('POST', '/api/apps', { body: { name: 'x' } })
    expect(account.status).toBe(401)
    const { cookie } = await server.signup('Eve')
    const cross = await server.call('POST', '/api/apps', { cookie, origin: 'https://evil.example', body: { name: 'Stolen' } })
    expect(cross.status).toBe(403)
    const unproven = await server.call('POST', '/api/apps', { cookie, origin: null, body: { name: 'Stolen' } })
    expect(unproven.status).toBe(403)
    expect(unproven.body.error.message).toContain(`Origin: ${server.url}`)
    const fromScript = await server.call('POST', '/api/apps', { cookie, origin: null, headers: { origin: server.url }, body: { name: 'Mine' } })
    expect(fromScript.status).toBe(201)
    const crossLogout = await server.call('POST', '/api/auth/logout', { cookie, origin: 'https://evil.example' })
    expect(crossLogout.status).toBe(403)
    expect((await server.call('GET', '/api/auth/me', { cookie })).status).toBe(200)
  })
})

describe('apps and keys', () => {
  it('creates, lists and changes apps, and issues and revokes keys', async () => {
    const { cookie, appId, secret } = await server.signup('Ken')
    const created = await server.call('POST', '/api/apps', { cookie, body: { name: 'Tokyo shop', currency: 'JPY', timezone: 'Asia/Tokyo', language: 'ru' } })
    expect(created.status).toBe(201)
    expect(created.body.app).toMatchObject({ name: 'Tokyo shop', currency: 'JPY', timezone: 'Asia/Tokyo', language: 'ru', lastEventAt: null })
    const list = await server.call('GET', '/api/apps', { cookie })
    expect(list.body.data.map((app: { id: string }) => app.id)).toEqual([appId, created.body.app.id])

    const patched = await server.call('PATCH', `/api/apps/${appId}`, { cookie, body: { name: 'Renamed', timezone: 'Europe/Moscow' } })
    expect(patched.status).toBe(200)
    expect(patched.body.app).toMatchObject({ name: 'Renamed', timezone: 'Europe/Moscow', currency: 'USD' })

    const key = await server.call('POST', `/api/apps/${appId}/keys`, { cookie, body: { type: 'secret', name: 'Reporting' } })
    expect(key.status).toBe(201)
    expect(key.body).toMatchObject({ type: 'secret', name: 'Reporting', revokedAt: null })
    expect((await server.call('GET', '/v1/connection', { key: key.body.key })).status).toBe(200)

    // lastUsedAt is kept without a write per request
    const afterUse = await server.call('GET', '/api/apps', { cookie })
    const used = afterUse.body.data[0].keys.find((k: { id: string }) => k.id === key.body.id)
    expect(used.lastUsedAt).not.toBeNull()

    expect((await server.call('DELETE', `/api/apps/${appId}/keys/${key.body.id}`, { cookie })).status).toBe(204)
    const revoked = await server.call('GET', '/v1/connection', { key: key.body.key })
    expect(revoked.status).toBe(401)
    expect((await server.call('DELETE', `/api/apps/${appId}/keys/${key.body.id}`, { cookie })).status).toBe(404)
    expect((await server.call('GET', '/v1/connection', { key: secret })).status).toBe(200)
  })
})

describe('OpenAPI', () => {
  it('documents every contract endpoint, from the validating schemas', async () => {
    const res = await server.call('GET', '/openapi.json')
    expect(res.status).toBe(200)
    const paths = Object.keys(res.body.paths)
    for (const path of ['/api/auth/signup', '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/apps', '/api/apps/{appId}', '/api/apps/{appId}/keys', '/api/apps/{appId}/keys/{keyId}', '/v1/users', '/v1/purchases', '/v1/batch', '/v1/connection', '/v1/customers', '/v1/customers/{userId}']) {
      expect(paths).toContain(path)
    }
    expect(res.body.paths['/v1/purchases'].post.requestBody.content['application/json'].schema.properties.currency).toBeDefined()
    const docs = await fetch(`${server.url}/docs`)
    expect(docs.headers.get('content-type')).toMatch(/text\/html/)
    expect(await docs.text()).toContain('/v1/batch')
  })
})
