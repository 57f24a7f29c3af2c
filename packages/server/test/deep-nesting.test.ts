import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from './harness'

let server: TestServer
let account: Account
beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Deep')
})
afterAll(() => server.close())

/** `{"a":{"a":…1…}}` nested `depth` objects deep, as JSON text (JSON.stringify itself would overflow building it). */
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
/** `[[[…]]]` nested `depth` arrays deep: the most depth a byte buys. */
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

const purchase = (i: number) => ({ type: 'purchase', orderId: `deep-o${i}`, userId: `deep-u${i % 7}`, amount: 10, currency: 'USD', product: 'Beans', properties: { note: 'x'.repeat(200) } })

describe('deeply nested events', () => {
  it('rejects one event nested 5 000 deep alone in a batch over 64 KiB, and stores the 300 others', async () => {
    const valid = Array.from({ length: 300 }, (_, i) => JSON.stringify(purchase(i)))
    const deep = `{"type":"user","userId":"deep-user","traits":${nestedObjects(5000)}}`
    const rawBody = `{"batch":[${valid.slice(0, 150).join(',')},${deep},${valid.slice(150).join(',')}]}`
    expect(rawBody.length).toBeGreaterThan(64 * 1024)
    const res = await server.call('POST', '/v1/batch', { key: account.secret, rawBody })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(300)
    expect(res.body.rejected).toEqual([
      { index: 150, code: 'validation_failed', message: expect.stringContaining('batch.150.traits'), issues: [{ path: 'batch.150.traits', message: expect.stringMatching(/deeper than 32/) }] },
    ])
    const connection = await server.call('GET', '/v1/connection', { key: account.secret })
    expect(connection.body.counts.purchases).toBe(300)
  })

  it('rejects an event nested 100 000 deep (a body under 1 MiB) alone', async () => {
    const rawBody = `{"batch":[{"type":"user","userId":"deep-ok"},{"type":"purchase","orderId":"deep-100k","userId":"u","amount":1,"currency":"USD","product":"p","properties":{"a":${nestedArrays(100_000)}}}]}`
    expect(rawBody.length).toBeLessThan(1024 * 1024)
    const res = await server.call('POST', '/v1/batch', { key: account.secret, rawBody })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected).toEqual([{ index: 1, code: 'payload_too_large', message: expect.any(String) }])
  })

  it('rejects a small event nested deep in a small batch, naming the field', async () => {
    const rawBody = `{"batch":[{"type":"user","userId":"deep-small","traits":{"a":${nestedArrays(5000)}}},{"type":"user","userId":"deep-fine"}]}`
    const res = await server.call('POST', '/v1/batch', { key: account.secret, rawBody })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected).toEqual([
      { index: 0, code: 'validation_failed', message: expect.any(String), issues: [{ path: 'batch.0.traits', message: expect.stringMatching(/deeper than 32/) }] },
    ])
  })

  it.each([
    ['/v1/users traits', '/v1/users', `{"userId":"deep-single","traits":${nestedObjects(5000)}}`, 'traits'],
    ['/v1/users traits of arrays', '/v1/users', `{"userId":"deep-single","traits":{"a":${nestedArrays(20_000)}}}`, 'traits'],
    ['/v1/purchases properties', '/v1/purchases', `{"orderId":"deep-single","userId":"u","amount":1,"currency":"USD","product":"p","properties":${nestedObjects(5000)}}`, 'properties'],
  ])('answers 400 naming the field to a single event nested deep: %s', async (_name, path, rawBody, field) => {
    const before = server.digest()
    const res = await server.call('POST', path, { key: account.secret, rawBody })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(res.body.error.issues).toEqual([{ path: field, message: expect.stringMatching(/deeper than 32/) }])
    expect(server.digest()).toBe(before)
  })

  it('rejects deep nesting anywhere else in an event without recursing into it', async () => {
    const deep = nestedArrays(50_000)
    const events = [
      `{"type":"purchase","orderId":"deep-items","userId":"u","amount":1,"currency":"USD","items":${deep}}`,
      `{"type":"user","userId":${deep}}`,
      `{"type":"user","userId":"deep-unknown","extra":${deep}}`,
      `{"type":"user","userId":"deep-kept"}`,
    ]
    const res = await server.call('POST', '/v1/batch', { key: account.secret, rawBody: `{"batch":[${events.join(',')}]}` })
    expect(res.status).toBe(200)
    expect(res.body.accepted).toBe(1)
    expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [0, 'payload_too_large'],
      [1, 'payload_too_large'],
      [2, 'payload_too_large'],
    ])
    const small = nestedArrays(5000)
    const single = await server.call('POST', '/v1/purchases', { key: account.secret, rawBody: `{"orderId":"deep-items","userId":"u","amount":1,"currency":"USD","items":${small}}` })
    expect(single.status).toBe(400)
    expect(single.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['items.0'])
    const unknownKey = await server.call('POST', '/v1/users', { key: account.secret, rawBody: `{"userId":"u","extra":${small}}` })
    expect(unknownKey.status).toBe(400)
  })

  it('keeps 32 levels of traits, and refuses 33', async () => {
    const nest = (depth: number): unknown => (depth === 1 ? { leaf: true } : { a: nest(depth - 1) })
    const fits = await server.call('POST', '/v1/users', { key: account.secret, body: { userId: 'deep-32', traits: nest(32) } })
    expect(fits.status).toBe(201)
    const deeper = await server.call('POST', '/v1/users', { key: account.secret, body: { userId: 'deep-33', traits: nest(33) } })
    expect(deeper.status).toBe(400)
    expect(deeper.body.error.issues[0].path).toBe('traits')
  })
})
