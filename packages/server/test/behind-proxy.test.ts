import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './harness'

let trusting: TestServer
let direct: TestServer
beforeAll(async () => {
  trusting = await startTestServer({ CRM_TRUST_PROXY: 'on' })
  direct = await startTestServer()
})
afterAll(async () => {
  await trusting.close()
  await direct.close()
})

const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm.example.com' }
const signupBody = () => ({ name: 'Proxy', email: `proxy-${Math.random()}@example.com`, password: 'behind-a-proxy' })

describe('behind a reverse proxy', () => {
  it('with CRM_TRUST_PROXY, takes the public origin from X-Forwarded-*: same-origin check and Secure cookie', async () => {
    const res = await trusting.call('POST', '/api/auth/signup', { origin: 'https://crm.example.com', headers: viaProxy, body: signupBody() })
    expect(res.status).toBe(201)
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
    const other = await trusting.call('POST', '/api/auth/signup', { origin: 'https://evil.example', headers: viaProxy, body: signupBody() })
    expect(other.status).toBe(403)
  })

  it('without it, ignores X-Forwarded-* headers', async () => {
    const res = await direct.call('POST', '/api/auth/signup', { origin: 'https://crm.example.com', headers: viaProxy, body: signupBody() })
    expect(res.status).toBe(403)
    const own = await direct.call('POST', '/api/auth/signup', { headers: viaProxy, body: signupBody() })
    expect(own.status).toBe(201)
    expect(own.headers.get('set-cookie')).not.toMatch(/Secure/)
  })
})
