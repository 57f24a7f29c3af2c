import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ CRM_SIGNUP_LIMIT_IP: '3' })
})
afterAll(() => server.close())

describe('sign-ups', () => {
  it('are limited per client IP: past the limit, 429 with Retry-After and no account', async () => {
    for (let i = 0; i < 3; i++) await server.signup('Many')
    const before = server.digest()
    const res = await server.call('POST', '/api/auth/signup', { body: { name: 'One more', email: 'one-more@example.com', password: 'correct horse' } })
    expect(res.status).toBe(429)
    expect(res.body.error.code).toBe('rate_limited')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3000)
    expect(server.digest()).toBe(before)
  })
})
