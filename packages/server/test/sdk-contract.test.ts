import { createClient } from 'crm-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BatchBody, normalizePurchase, normalizeUser } from '../src/ingestion'
import { startTestServer, type Account, type TestServer } from './harness'

let server: TestServer
let account: Account
const sentBodies: unknown[] = []
const realFetch = globalThis.fetch

beforeAll(async () => {
  server = await startTestServer()
  account = await server.signup('Contract')
  // Record what the SDK puts on the wire, then let it through to the real server.
  globalThis.fetch = async (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/v1/batch') && typeof init?.body === 'string') {
      sentBodies.push(JSON.parse(init.body))
    }
    return realFetch(input, init)
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
})
