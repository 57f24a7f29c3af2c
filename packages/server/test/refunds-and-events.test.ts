import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Account, type TestServer } from './harness'

// Refunds and custom events over HTTP, against a database file (so through the writer thread); the last part
// runs the same checks on an in-memory database, which writes on the main thread.

let server: TestServer
let account: Account
beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Shop')
})
afterAll(() => server.close())

let ids = 0
const unique = (prefix: string) => `${prefix}-${++ids}`

/** A fresh order of `userId` (100.00 USD unless said otherwise); returns its orderId. */
async function order(userId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const orderId = unique('o')
  const body = { orderId, userId, amount: 100, currency: 'USD', product: 'Kettle', timestamp: '2026-01-10T10:00:00Z', ...extra }
  const res = await server.call('POST', '/v1/purchases', { key: account.secret, body })
  expect(res.status).toBe(201)
  return orderId
}

const refund = (body: Record<string, unknown>, key = account.secret) => server.call('POST', '/v1/refunds', { key, body })
const track = (body: Record<string, unknown>, key = account.publishable) => server.call('POST', '/v1/events', { key, body })
const fieldsOf = (res: { body: { error: { issues: { path: string }[] } } }) => res.body.error.issues.map((issue) => issue.path)
const connection = async () => (await server.call('GET', '/v1/connection', { key: account.secret })).body.counts

describe('POST /v1/refunds', () => {
  it('creates; the same refundId is a duplicate with the same body and a 409 naming refundId with another', async () => {
    const orderId = await order('u-refund')
    const body = { refundId: unique('r'), userId: 'u-refund', amount: '25.50', currency: 'USD', orderId, timestamp: '2026-01-12T09:00:00Z', reason: 'Dented' }
    expect([(await refund(body)).status, (await refund(body)).body]).toEqual([201, { status: 'duplicate' }])
    for (const change of [{ amount: 25 }, { reason: 'Late' }, { timestamp: '2026-01-13T09:00:00Z' }, { orderId: undefined }]) {
      const conflict = await refund({ ...body, ...change })
      expect([conflict.status, conflict.body.error.code, fieldsOf(conflict)]).toEqual([409, 'conflict', ['refundId']])
    }
    // Without a timestamp, a resend is recognised whatever the time it arrives at.
    const untimed = { refundId: unique('r'), userId: 'u-refund', amount: 1, currency: 'USD', orderId }
    expect((await refund(untimed)).status).toBe(201)
    expect((await refund(untimed)).body).toEqual({ status: 'duplicate' })
  })

  it('lets two partial refunds reach the order’s amount exactly, and refuses the one past it, naming amount', async () => {
    const orderId = await order('u-partial')
    const base = { userId: 'u-partial', currency: 'USD', orderId }
    expect((await refund({ ...base, refundId: unique('r'), amount: 60 })).status).toBe(201)
    const over = await refund({ ...base, refundId: unique('r'), amount: '40.01' })
    expect([over.status, over.body.error.code, fieldsOf(over)]).toEqual([400, 'validation_failed', ['amount']])
    expect((await refund({ ...base, refundId: unique('r'), amount: '40.00' })).status).toBe(201)
    const after = await refund({ ...base, refundId: unique('r'), amount: 0.01 })
    expect(fieldsOf(after)).toEqual(['amount'])
  })

  it('lets only one of two refunds of an order sent at the same time pass, when both together would be too much', async () => {
    const orderId = await order('u-race')
    const send = () => refund({ refundId: unique('r'), userId: 'u-race', amount: 70, currency: 'USD', orderId })
    const statuses = (await Promise.all([send(), send(), send()])).map((res) => res.status).sort()
    expect(statuses).toEqual([201, 400, 400])
    const refunded = server.crm.stores.db
      .prepare("SELECT sum(r.amount) FROM refunds r JOIN purchases p ON p.id = r.purchase_id WHERE p.order_id = ?")
      .pluck()
      .get(orderId)
    expect(refunded).toBe(7000)
  })

  it('refuses, writing nothing, an unknown order, another user’s order and another currency, naming the field', async () => {
    const orderId = await order('u-owner')
    const euroOrder = await order('u-owner', { currency: 'EUR' })
    const base = { userId: 'u-owner', amount: 1, currency: 'USD' }
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, orderId: 'no-such-order' }, 'orderId'],
      [{ ...base, userId: 'u-stranger', orderId }, 'orderId'],
      [{ ...base, userId: 'u-stranger', orderId, messageId: unique('m') }, 'orderId'],
      [{ ...base, orderId: euroOrder }, 'currency'],
      [{ ...base, currency: 'EUR', orderId }, 'currency'],
    ]
    for (const [body, field] of cases) {
      const before = server.digest()
      const res = await refund({ ...body, refundId: unique('r') })
      expect([res.status, res.body.error.code, fieldsOf(res)]).toEqual([400, 'validation_failed', [field]])
      expect(server.digest()).toBe(before)
    }
    expect((await server.call('GET', '/v1/customers/u-stranger', { key: account.secret })).status).toBe(404)
  })

  it('refuses a negative or zero amount and a missing refundId', async () => {
    const base = { refundId: unique('r'), userId: 'u-bad', amount: 5, currency: 'USD' }
    for (const [body, field] of [
      [{ ...base, amount: -5 }, 'amount'],
      [{ ...base, amount: 0 }, 'amount'],
      [{ ...base, amount: '0.00' }, 'amount'],
      [{ ...base, refundId: undefined }, 'refundId'],
    ] as const) {
      const res = await refund(body)
      expect([res.status, fieldsOf(res)]).toEqual([400, [field]])
    }
  })

  it('without an order, refunds the customer, creating an unknown one, and a retry by messageId counts once', async () => {
    const before = await connection()
    const body = { refundId: unique('r'), userId: 'u-goodwill', amount: 15, currency: 'USD', reason: 'Goodwill credit', messageId: unique('m') }
    expect((await refund(body)).status).toBe(201)
    // The same messageId with a new refundId (a client's retry that regenerated it) is still the same event.
    expect((await refund({ ...body, refundId: unique('r') })).body).toEqual({ status: 'duplicate' })
    const customer = await server.call('GET', '/v1/customers/u-goodwill', { key: account.secret })
    expect(customer.status).toBe(200)
    expect(customer.body.timeline.filter((entry: { type: string }) => entry.type === 'refund')).toEqual([
      { type: 'refund', at: expect.any(String), refundId: body.refundId, amount: 15, currency: 'USD', orderId: null, reason: 'Goodwill credit' },
    ])
    expect(await connection()).toEqual({ ...before, customers: before.customers + 1, refunds: before.refunds + 1 })
  })
})

describe('POST /v1/events', () => {
  it('creates the customer, keeps the properties as given, and answers a seen messageId as duplicate', async () => {
    const before = await connection()
    const body = { userId: 'u-events', event: 'Opened support ticket', properties: { ticket: 42, topic: { area: 'billing' }, tags: ['urgent'] }, messageId: unique('m') }
    const first = await track(body)
    expect([first.status, first.body]).toEqual([201, { status: 'created' }])
    const again = await track(body)
    expect([again.status, again.body]).toEqual([200, { status: 'duplicate' }])
    expect((await track({ userId: 'u-events', event: 'Viewed pricing' })).status).toBe(201)
    expect(await connection()).toEqual({ ...before, customers: before.customers + 1, events: before.events + 2 })
    const detail = await server.call('GET', '/v1/customers/u-events', { key: account.secret })
    expect(detail.body.timeline.filter((entry: { type: string }) => entry.type === 'event').map((entry: { event: string; properties: unknown }) => [entry.event, entry.properties])).toEqual([
      ['Viewed pricing', null],
      ['Opened support ticket', body.properties],
    ])
  })

  it('refuses properties nested deeper than 32 levels and a name over 200 characters, writing nothing', async () => {
    let deep: Record<string, unknown> = {}
    for (let level = 1; level < 33; level++) deep = { a: deep }
    const before = server.digest()
    const tooDeep = await track({ userId: 'u-deep', event: 'Deep', properties: deep })
    expect([tooDeep.status, fieldsOf(tooDeep)]).toEqual([400, ['properties']])
    const tooLong = await track({ userId: 'u-deep', event: 'e'.repeat(201) })
    expect([tooLong.status, fieldsOf(tooLong)]).toEqual([400, ['event']])
    expect(server.digest()).toBe(before)
    const deepest = await track({ userId: 'u-deep', event: 'e'.repeat(200), properties: deep.a as Record<string, unknown> })
    expect([deepest.status, deepest.body]).toEqual([201, { status: 'created' }])
  })
})

describe('POST /v1/batch with refunds and events', () => {
  it('stores the valid events of a batch mixing all four types, rejects the others by index, and a retry counts once', async () => {
    const before = await connection()
    const orderId = unique('o')
    const batch = [
      { type: 'user', userId: 'u-batch', name: 'Batch Customer', messageId: unique('m') },
      { type: 'purchase', orderId, userId: 'u-batch', amount: 50, currency: 'USD', product: 'Lamp', messageId: unique('m') },
      { type: 'refund', refundId: unique('r'), userId: 'u-batch', amount: 20, currency: 'USD', orderId, messageId: unique('m') },
      { type: 'refund', refundId: unique('r'), userId: 'u-batch', amount: 31, currency: 'USD', orderId, messageId: unique('m') },
      { type: 'event', userId: 'u-batch', event: 'Abandoned cart', properties: { items: 2 }, messageId: unique('m') },
      { type: 'refund', refundId: unique('r'), userId: 'u-batch', amount: 0, currency: 'USD' },
      { type: 'event', userId: 'u-batch', event: '' },
      { type: 'refund', refundId: unique('r'), userId: 'u-batch', amount: 1, currency: 'USD', orderId: 'not-an-order', messageId: unique('m') },
      { type: 'refund', refundId: unique('r'), userId: 'u-batch', amount: 5, currency: 'USD', messageId: unique('m') },
    ]
    const sent = await server.call('POST', '/v1/batch', { key: account.publishable, body: { batch } })
    expect(sent.status).toBe(200)
    expect(sent.body.accepted).toBe(5)
    expect(sent.body.duplicates).toBe(0)
    expect(sent.body.rejected.map((rejection: { index: number; code: string; issues: { path: string }[] }) => [rejection.index, rejection.code, rejection.issues.map((issue) => issue.path)])).toEqual([
      [3, 'validation_failed', ['batch.3.amount']],
      [5, 'validation_failed', ['batch.5.amount']],
      [6, 'validation_failed', ['batch.6.event']],
      [7, 'validation_failed', ['batch.7.orderId']],
    ])
    const counted = { ...before, customers: before.customers + 1, purchases: before.purchases + 1, refunds: before.refunds + 2, events: before.events + 1 }
    expect(await connection()).toEqual(counted)

    // The same request again (a client retry): every stored event is a duplicate, the refused ones are refused again.
    const retry = await server.call('POST', '/v1/batch', { key: account.publishable, body: { batch } })
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 5 })
    expect(retry.body.rejected.map((rejection: { index: number }) => rejection.index)).toEqual([3, 5, 6, 7])
    expect(await connection()).toEqual(counted)
  })

  it('answers a reused refundId in a batch as a conflict naming it', async () => {
    const first = { type: 'refund', refundId: unique('r'), userId: 'u-batch-conflict', amount: 3, currency: 'USD' }
    const res = await server.call('POST', '/v1/batch', { key: account.secret, body: { batch: [first, { ...first, amount: 4 }, first] } })
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 1, rejected: [{ index: 1, code: 'conflict', issues: [{ path: 'batch.1.refundId' }] }] })
  })
})

describe('GET /v1/customers/:userId timeline', () => {
  it('shows refunds and events beside purchases and the profile, newest first', async () => {
    const userId = 'u-timeline'
    const key = account.secret
    await server.call('POST', '/v1/users', { key, body: { userId, name: 'Tim', createdAt: '2026-01-01T08:00:00Z' } })
    const orderId = await order(userId, { timestamp: '2026-01-03T08:00:00Z' })
    await track({ userId, event: 'Viewed pricing', timestamp: '2026-01-02T08:00:00Z' })
    await refund({ refundId: 'r-timeline', userId, amount: 10, currency: 'USD', orderId, timestamp: '2026-01-05T08:00:00Z', reason: 'Scratched' })
    await track({ userId, event: 'Opened support ticket', timestamp: '2026-01-04T08:00:00Z', properties: { ticket: 7 } })
    const detail = await server.call('GET', `/v1/customers/${userId}`, { key })
    const timeline = detail.body.timeline.filter((entry: { type: string }) => entry.type !== 'profile_updated')
    expect(timeline).toEqual([
      { type: 'refund', at: '2026-01-05T08:00:00.000Z', refundId: 'r-timeline', amount: 10, currency: 'USD', orderId, reason: 'Scratched' },
      { type: 'event', at: '2026-01-04T08:00:00.000Z', event: 'Opened support ticket', properties: { ticket: 7 } },
      { type: 'purchase', at: '2026-01-03T08:00:00.000Z', orderId, amount: 100, currency: 'USD' },
      { type: 'event', at: '2026-01-02T08:00:00.000Z', event: 'Viewed pricing', properties: null },
      { type: 'signed_up', at: '2026-01-01T08:00:00.000Z' },
    ])
  })
})

describe('/openapi.json', () => {
  it('documents both operations from their schemas, and the batch’s four types', async () => {
    const document = (await server.call('GET', '/openapi.json')).body
    const body = (path: string) => document.paths[path].post.requestBody.content['application/json'].schema
    expect(body('/v1/refunds').required).toEqual(['refundId', 'userId', 'amount', 'currency'])
    expect(Object.keys(body('/v1/refunds').properties)).toEqual(['refundId', 'userId', 'amount', 'currency', 'orderId', 'timestamp', 'items', 'reason', 'messageId'])
    expect(body('/v1/events').properties.event).toMatchObject({ minLength: 1, maxLength: 200 })
    expect(Object.keys(document.components.schemas.BatchRequest.properties.batch.items.discriminator.mapping)).toEqual(['user', 'purchase', 'refund', 'event'])
    expect(document.components.schemas.Connection.properties.counts.required).toEqual(['customers', 'purchases', 'refunds', 'events'])
  })
})

describe('on an in-memory database (written on the main thread)', () => {
  it('checks refunds against their order, and stores events, the same way', async () => {
    const memory = await startTestServer({ CRM_DATABASE: ':memory:' })
    try {
      const shop = await memory.signup('Memory')
      const call = (path: string, body: unknown) => memory.call('POST', path, { key: shop.secret, body })
      expect((await call('/v1/purchases', { orderId: 'o1', userId: 'u1', amount: 10, currency: 'USD', product: 'Tea' })).status).toBe(201)
      const refunds = await Promise.all([6, 6].map((amount, i) => call('/v1/refunds', { refundId: `r${i}`, userId: 'u1', amount, currency: 'USD', orderId: 'o1' })))
      expect(refunds.map((res) => res.status).sort()).toEqual([201, 400])
      expect((await call('/v1/refunds', { refundId: 'r9', userId: 'u2', amount: 1, currency: 'USD', orderId: 'o1' })).status).toBe(400)
      expect((await call('/v1/events', { userId: 'u3', event: 'Signed in', messageId: 'm1' })).status).toBe(201)
      expect((await call('/v1/events', { userId: 'u3', event: 'Signed in', messageId: 'm1' })).status).toBe(200)
      const counts = (await memory.call('GET', '/v1/connection', { key: shop.secret })).body.counts
      expect(counts).toEqual({ customers: 2, purchases: 1, refunds: 1, events: 1 })
      const timeline = (await memory.call('GET', '/v1/customers/u3', { key: shop.secret })).body.timeline
      expect(timeline.map((entry: { type: string }) => entry.type)).toEqual(['event', 'signed_up'])
    } finally {
      await memory.close()
    }
  })
})
