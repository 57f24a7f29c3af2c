import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './harness'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ CRM_RATE_LIMIT_KEY: '5', CRM_RATE_LIMIT_IP: '40' })
})
afterAll(() => server.close())

describe('rate limits', () => {
  it('answers 429 with Retry-After past a key’s rate, without touching another key', async () => {
    const a = await server.signup('Busy')
    const b = await server.signup('Calm')
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 7; i++) {
      const res = await server.call('GET', '/v1/connection', { key: a.secret })
      statuses.push(res.status)
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after')
        expect(res.body.error.code).toBe('rate_limited')
      }
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(statuses.slice(5)).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    expect((await server.call('GET', '/v1/connection', { key: b.secret })).status).toBe(200)
  })

  it('answers 429 past an IP’s rate', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => server.call('GET', '/api/auth/me')))
    const limited = results.filter((res) => res.status === 429)
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})
