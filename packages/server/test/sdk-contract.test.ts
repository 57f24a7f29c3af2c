import { createClient, type CustomEventInput, type RefundInput, type RefundItem } from 'crm-sdk'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { BatchBody, normalizePurchase, normalizeUser } from '../src/ingestion'
import { normalizeBatchEvent } from '../src/ingestion/normalize-event'
import { CustomEventFields, RefundEventFields, RefundItemFields } from '../src/ingestion/schemas'
import { startTestServer, type Account, type TestServer } from './harness'

let server: TestServer
let account: Account
const sentBodies: unknown[] = []
const realFetch = globalThis.fetch

/**
 * What the network does to the next requests to `/v1/batch`, one a request, in order (none: it works):
 * `fail_before` never reaches the server; `lose_answer` and `error_500_after` reach it, and the events are stored,
 * but the client gets a dropped connection or a 500 instead of the answer.
 */
type Fault = 'fail_before' | 'lose_answer' | 'error_500_after'
const faults: Fault[] = []

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Contract')
  // Record what the SDK puts on the wire, then let it through to the real server (through the planned faults).
  globalThis.fetch = async (input, init) => {
    const isBatch = String(input instanceof Request ? input.url : input).endsWith('/v1/batch')
    if (isBatch && typeof init?.body === 'string') sentBodies.push(JSON.parse(init.body))
    const fault = isBatch ? faults.shift() : undefined
    if (fault === 'fail_before') throw new TypeError('fetch failed')
    const response = await realFetch(input, init)
    if (!fault) return response
    await response.arrayBuffer()
    if (fault === 'lose_answer') throw new TypeError('fetch failed')
    return Response.json({ error: { code: 'internal_error', message: 'the answer was lost' } }, { status: 500 })
  }
})
afterAll(async () => {
  globalThis.fetch = realFetch
  await server.close()
})

describe('contract: what crm-sdk sends is what the server validates', () => {
  it('every event the SDK builds passes the server’s own schemas and is stored', async () => {
    const crm = createClient<{ plan: string; seats?: number }, { channel: string }>({ apiKey: account.publishable, host: server.url })
    const queued = [
      crm.trackUser({ userId: 'k-1', name: 'Ada', email: 'ada@example.com', phone: '+44 20 7946 0000', traits: { plan: 'pro', seats: 3 }, createdAt: new Date('2025-05-01T09:00:00Z') }),
      crm.trackUser({ userId: 'k-2' }),
      crm.trackPurchase({ orderId: 'k-o1', userId: 'k-1', amount: 49.9, currency: 'EUR', product: 'Pro plan', properties: { channel: 'web' } }),
      crm.trackPurchase({ orderId: 'k-o2', userId: 'k-2', amount: '1500', currency: 'JPY', timestamp: new Date('2026-01-02T03:04:05Z'), items: [{ productId: 'sku-1', name: 'Tea', category: 'Drinks', quantity: 3, price: 500 }] }),
      crm.trackPurchase({ orderId: 'k-o3', userId: 'k-3', amount: 0.1 + 0.2, currency: 'usd', items: [{ name: 'Gum', price: '0.30' }] }),
    ]
    expect(queued).toEqual([true, true, true, true, true])
    const result = await crm.shutdown({ timeout: 10_000 })
    expect(result).toMatchObject({ sent: 5, failed: 0, dropped: 0, pending: 0 })

    const events = sentBodies.flatMap((body) => {
      expect(BatchBody.safeParse(body).success).toBe(true)
      return (body as { batch: Record<string, unknown>[] }).batch
    })
    expect(events).toHaveLength(5)
    for (const { type, ...event } of events) {
      expect(typeof event.messageId).toBe('string')
      const normalized = type === 'user' ? normalizeUser(event) : normalizePurchase(event, Date.now())
      expect(normalized.ok, JSON.stringify(normalized)).toBe(true)
    }
    const connection = await server.call('GET', '/v1/connection', { key: account.secret })
    expect(connection.body.counts).toEqual({ customers: 3, purchases: 3, refunds: 0, events: 0 })
  })

  it('the inputs of track() and trackRefund() have the fields of the server’s schemas, of the types it takes', () => {
    // Compile-time (tsc -p packages/server): a field added to or dropped from either side fails here.
    type Wire<Input> = Omit<Input, 'timestamp'> & { timestamp?: string }
    expectTypeOf<keyof RefundInput>().toEqualTypeOf<keyof z.input<typeof RefundEventFields>>()
    expectTypeOf<keyof RefundItem>().toEqualTypeOf<keyof z.input<typeof RefundItemFields>>()
    expectTypeOf<keyof CustomEventInput>().toEqualTypeOf<keyof z.input<typeof CustomEventFields>>()
    expectTypeOf<Wire<RefundInput>>().toExtend<z.input<typeof RefundEventFields>>()
    expectTypeOf<Wire<CustomEventInput>>().toExtend<z.input<typeof CustomEventFields>>()
  })

  it('track() and trackRefund(): the events pass the server’s schemas, are counted, and show in the timeline', async () => {
    const shop = await server.signup('Contract refunds')
    sentBodies.length = 0
    const crm = createClient<object, object, { 'Viewed pricing': { plan: string }; 'Opened support ticket': { topic?: string } }>({
      apiKey: shop.publishable,
      host: server.url,
    })
    const errors: { code: string; message: string }[] = []
    crm.on('error', (error) => errors.push(error))
    const queued = [
      crm.trackPurchase({ orderId: 'r-o1', userId: 'r-1', amount: 49.9, currency: 'USD', product: 'Pro plan' }),
      crm.track({ userId: 'r-1', event: 'Viewed pricing', properties: { plan: 'pro' } }),
      // A refund of an order of that user, with its lines, in the order's currency (any case).
      crm.trackRefund({
        refundId: 'r-r1',
        userId: 'r-1',
        orderId: 'r-o1',
        amount: '19.90',
        currency: 'usd',
        timestamp: new Date(),
        items: [{ productId: 'sku-1', name: 'Pro plan', quantity: 1, price: '19.90' }],
        reason: 'Arrived broken',
      }),
      // A refund without an order (a goodwill credit) for a customer the server has not seen: it creates them.
      crm.trackRefund({ refundId: 'r-r2', userId: 'r-2', amount: 5, currency: 'EUR' }),
      // An event of an unknown user creates the customer too; a date without an offset is read in the app's zone.
      crm.track({ userId: 'r-3', event: 'Opened support ticket', timestamp: '2026-01-02 10:00:00' }),
      // More than is left of the order: the server refuses it for good, naming amount.
      crm.trackRefund({ refundId: 'r-r3', userId: 'r-1', orderId: 'r-o1', amount: 40, currency: 'USD', messageId: 'over-refund' }),
    ]
    expect(queued).toEqual([true, true, true, true, true, true])
    expect(await crm.shutdown({ timeout: 10_000 })).toEqual({ sent: 5, failed: 1, dropped: 0, pending: 0 })
    expect(errors).toEqual([expect.objectContaining({ code: 'validation_failed', message: expect.stringContaining('amount'), messageIds: ['over-refund'] })])

    const events = sentBodies.flatMap((body) => {
      expect(BatchBody.safeParse(body).success).toBe(true)
      return (body as { batch: Record<string, unknown>[] }).batch
    })
    expect(events.map((event) => event.type)).toEqual(['purchase', 'event', 'refund', 'refund', 'event', 'refund'])
    events.forEach((event, index) => {
      const normalized = normalizeBatchEvent(event, index, Date.now(), 'UTC')
      expect(normalized.ok, JSON.stringify(normalized)).toBe(true)
    })

    const connection = await server.call('GET', '/v1/connection', { key: shop.secret })
    expect(connection.body.counts).toEqual({ customers: 3, purchases: 1, refunds: 2, events: 2 })
    const timeline = async (userId: string) => (await server.call('GET', `/v1/customers/${userId}`, { key: shop.secret })).body.timeline as { type: string }[]
    const buyer = (await timeline('r-1')).filter((entry) => entry.type !== 'signed_up')
    expect(buyer).toHaveLength(3)
    expect(buyer).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'event', event: 'Viewed pricing', properties: { plan: 'pro' } }),
        expect.objectContaining({ type: 'purchase', orderId: 'r-o1', amount: 49.9, currency: 'USD' }),
        expect.objectContaining({ type: 'refund', refundId: 'r-r1', orderId: 'r-o1', amount: 19.9, currency: 'USD', reason: 'Arrived broken' }),
      ]),
    )
    expect(await timeline('r-2')).toContainEqual(expect.objectContaining({ type: 'refund', refundId: 'r-r2', orderId: null, amount: 5, currency: 'EUR' }))
    expect(await timeline('r-3')).toContainEqual({ type: 'event', at: '2026-01-02T10:00:00.000Z', event: 'Opened support ticket', properties: null })
  })

  it('track() and trackRefund() through a network that drops requests and loses answers: each stored exactly once', async () => {
    const shop = await server.signup('Contract faults')
    sentBodies.length = 0
    const crm = createClient({ apiKey: shop.publishable, host: server.url, flushAt: 10, retryDelay: 5, maxRetryDelay: 20 })
    const retries: string[] = []
    crm.on('retry', ({ reason }) => retries.push(reason))
    const USERS = 10
    for (let user = 0; user < USERS; user++) {
      const userId = `f-${user}`
      crm.trackPurchase({ orderId: `f-o${user}`, userId, amount: '30.00', currency: 'USD', product: 'Tea box' })
      crm.track({ userId, event: 'Viewed pricing', properties: { plan: 'pro' } })
      crm.trackRefund({ refundId: `f-r${user}`, userId, orderId: `f-o${user}`, amount: '10.00', currency: 'USD' })
      crm.trackRefund({ refundId: `f-c${user}`, userId, amount: '2.50', currency: 'USD', reason: 'Goodwill' })
      crm.track({ userId, event: 'Opened support ticket' })
    }
    // Five batches of ten: the first never arrives, the answers of the next two are lost after the server stored them.
    faults.push('fail_before', 'lose_answer', 'error_500_after', 'lose_answer', 'fail_before', 'error_500_after')
    expect(await crm.shutdown({ timeout: 20_000 })).toEqual({ sent: 5 * USERS, failed: 0, dropped: 0, pending: 0 })
    expect(faults).toEqual([])
    expect(retries).toHaveLength(6)
    // Some events went to the server more than once; it stored each once.
    const sends = sentBodies.flatMap((body) => (body as { batch: { messageId: string }[] }).batch.map((event) => event.messageId))
    expect(sends.length).toBeGreaterThan(5 * USERS)
    expect(new Set(sends).size).toBe(5 * USERS)

    const connection = await server.call('GET', '/v1/connection', { key: shop.secret })
    expect(connection.body.counts).toEqual({ customers: USERS, purchases: USERS, refunds: 2 * USERS, events: 2 * USERS })
    for (let user = 0; user < USERS; user++) {
      const detail = await server.call('GET', `/v1/customers/f-${user}`, { key: shop.secret })
      const kinds = (detail.body.timeline as { type: string }[]).map((entry) => entry.type).filter((type) => type !== 'signed_up').sort()
      expect(kinds).toEqual(['event', 'event', 'purchase', 'refund', 'refund'])
    }
  })
})
