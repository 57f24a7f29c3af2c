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

  it('takes the client IP from the right of X-Forwarded-For: a spoofed leftmost entry buys no more log-in attempts', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const res = await trusting.call('POST', '/api/auth/login', {
        origin: 'https://crm.example.com',
        headers: { ...viaProxy, 'x-forwarded-for': `10.9.${i}.1, 203.0.113.7` },
        body: { email: `nobody-${i}@example.com`, password: 'wrong password' },
      })
      statuses.push(res.status)
    }
    // 30 attempts a client IP in 15 minutes, whatever the client writes to the left of what the proxy appended.
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
    // Another client behind the same proxy is not blocked.
    const other = await trusting.call('POST', '/api/auth/login', {
      origin: 'https://crm.example.com',
      headers: { ...viaProxy, 'x-forwarded-for': '203.0.113.8' },
      body: { email: 'nobody@example.com', password: 'wrong password' },
    })
    expect(other.status).toBe(401)
  })
})
