import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './harness'

// The holes an attacker found (issue 18): each test replays one finding against the real server over real HTTP.

let server: TestServer
const logLines: string[] = []
beforeAll(async () => {
  server = await startTestServer({ CRM_RATE_LIMIT_KEY: '5', CRM_HEADERS_TIMEOUT: '1', CRM_BODY_TIMEOUT: '1' }, { logLines })
})
afterAll(() => server.close())

describe('a chunked body is counted while it streams', () => {
  it('answers 413 once the limit is passed, long before a 64 MiB body has been sent', async () => {
    const url = new URL('/api/auth/login', server.url)
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const result = await new Promise<{ status: number; sentBeforeAnswer: number }>((resolve, reject) => {
      let sent = 0
      let answered = false
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, 'transfer-encoding': 'chunked' } })
      req.on('response', (res) => {
        answered = true
        resolve({ status: res.statusCode!, sentBeforeAnswer: sent })
        res.resume()
        req.destroy()
      })
      req.on('error', (error) => (answered ? undefined : reject(error)))
      const pump = () => {
        while (!answered && sent < 64 * 2 ** 20) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        if (!answered) req.end()
      }
      pump()
    })
    expect(result.status).toBe(413)
    expect(result.sentBeforeAnswer).toBeLessThan(16 * 2 ** 20)
  })
})

describe('log-in attempts', () => {
  it('are counted before the password is checked: 60 parallel guesses check at most 5, and the right password 20th is refused', async () => {
    const account = await server.signup('Parallel')
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        server.call('POST', '/api/auth/login', { body: { email: account.email, password: i === 19 ? 'correct horse battery' : `guess-${i}` } }),
      ),
    )
    const statuses = results.map((res) => res.status)
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(55)
    expect(statuses[19]).not.toBe(200)
  })
})

describe('the per-key rate limit', () => {
  it('also applies to a publishable key sent in the batch body (sendBeacon)', async () => {
    const account = await server.signup('Beacon')
    const statuses: number[] = []
    for (let i = 0; i < 15; i++) {
      const body = JSON.stringify({ key: account.publishable, batch: [{ type: 'user', userId: `u${i}` }] })
      statuses.push((await server.call('POST', '/v1/batch', { rawBody: body, contentType: 'text/plain' })).status)
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5)
  })
})

describe('request logs', () => {
  it('carry the route pattern, never the raw path with its ids', async () => {
    const account = await server.signup('Logged')
    await server.call('GET', '/v1/customers/ada.lovelace%40example.com', { key: account.secret })
    const line = logLines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'request' && entry.route === '/v1/customers/:userId')
    expect(line).toMatchObject({ method: 'GET', status: 404 })
    expect(logLines.join('\n')).not.toMatch(/lovelace/)
  })

  it('log a client that hangs up mid-body as an abort at info, not as an unhandled error', async () => {
    const account = await server.signup('Hang-up')
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        const head = `POST /v1/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${account.secret}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`
        socket.write(`${head}{"batch":[`)
        setTimeout(() => socket.destroy(), 100)
      })
      socket.on('close', () => resolve())
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const entries = logLines.map((text) => JSON.parse(text))
    expect(entries.filter((entry) => entry.level === 'error')).toEqual([])
    expect(entries.some((entry) => entry.msg === 'request aborted by the client' && entry.level === 'info')).toBe(true)
  })
})

describe('slow clients', () => {
  /** Writes `head` at once, then `dribbled` a byte every 100 ms; resolves with the seconds until the server hung up. */
  function dribble(head: string, dribbled: string): Promise<number> {
    const started = performance.now()
    return new Promise((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(head))
      let index = 0
      const timer = setInterval(() => {
        if (index < dribbled.length && !socket.destroyed) socket.write(dribbled[index++]!)
      }, 100)
      socket.on('data', () => {})
      socket.on('error', () => {})
      socket.on('close', () => {
        clearInterval(timer)
        resolve((performance.now() - started) / 1000)
      })
    })
  }

  it('are cut off when their headers take longer than the headers timeout (1 s here)', async () => {
    const seconds = await dribble('', `GET /openapi.json HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`)
    expect(seconds).toBeLessThan(3.5)
  })

  it('are cut off when their body takes longer than the body timeout (1 s more here)', async () => {
    const body = `{"email":"${'a'.repeat(200)}@example.com","password":"x"}`
    const head = `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
    expect(await dribble(head, body)).toBeLessThan(4.5)
  })
})
