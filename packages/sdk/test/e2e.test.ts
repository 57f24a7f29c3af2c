import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { createClient, type DropInfo } from '../src'
import { startFaultyProxy } from './faulty-proxy'
import { MemoryStorage } from './memory-storage'
import { signUp, startRealServer } from './real-server'

const USERS = 2000
const PURCHASES_PER_USER = 9 // 2000 users + 18 000 purchases = 20 000 events
const REQUEST_TIMEOUT_MS = 1500

let server: Awaited<ReturnType<typeof startRealServer>>
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>
let keys: { publishable: string; secret: string }

beforeAll(async () => {
  server = await startRealServer()
  keys = await signUp(server.url)
  // Delayed requests wait past the client's timeout, so the client gives up on requests the server still completes.
  proxy = await startFaultyProxy(server.url, 20_261_121, REQUEST_TIMEOUT_MS + 500)
}, 60_000)

afterAll(async () => {
  await proxy?.close()
  await server?.stop()
})

const readApi = async <T>(path: string, secret = keys.secret): Promise<T> => {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}` } })
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

interface Counts {
  customers: number
  purchases: number
  refunds: number
  events: number
}

test('20 000 events through a proxy that fails, delays and resets requests arrive exactly once', async () => {
  const client = createClient({
    apiKey: keys.publishable,
    host: proxy.url,
    flushAt: 250,
    timeout: REQUEST_TIMEOUT_MS,
    retryDelay: 50,
    maxRetryDelay: 1000,
    maxAttempts: 50,
    maxRetryTime: 300_000,
  })
  const drops: DropInfo[] = []
  client.on('drop', (drop) => drops.push(drop))

  let tracked = 0
  for (let user = 0; user < USERS; user++) {
    if (client.trackUser({ userId: `user-${user}`, name: `Customer ${user}`, email: `c${user}@example.com`, traits: { plan: user % 3 ? 'free' : 'pro' } }))
      tracked++
    for (let order = 0; order < PURCHASES_PER_USER; order++) {
      const accepted = client.trackPurchase({
        orderId: `order-${user}-${order}`,
        userId: `user-${user}`,
        amount: '12.50',
        currency: 'USD',
        items: [{ productId: `sku-${order}`, name: `Product ${order}`, quantity: 1, price: '12.50' }],
      })
      if (accepted) tracked++
    }
    // A real app produces events over time; this one waits whenever the default 10 000-event queue is near full.
    while (client.stats().queued > 8000) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  expect(tracked).toBe(USERS * (1 + PURCHASES_PER_USER))

  const result = await client.shutdown({ timeout: 300_000 })
  expect(drops).toEqual([])
  expect(result.pending).toBe(0)
  expect(client.stats()).toMatchObject({ sent: 20_000, failed: 0, dropped: 0, queued: 0 })

  // The proxy really did misbehave, including after the server had stored a batch.
  expect(proxy.counts.failedBefore).toBeGreaterThan(0)
  expect(proxy.counts.failedAfter).toBeGreaterThan(0)
  expect(proxy.counts.resetBefore).toBeGreaterThan(0)
  expect(proxy.counts.resetAfter).toBeGreaterThan(0)
  expect(proxy.counts.delayed).toBeGreaterThan(0)
  expect(client.stats().retries).toBeGreaterThan(0)

  const connection = await readApi<{ counts: Counts }>('/v1/connection')
  expect(connection.counts).toEqual({ customers: USERS, purchases: USERS * PURCHASES_PER_USER, refunds: 0, events: 0 })

  const customers: { userId: string; orders: number; revenue: number }[] = []
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { data: typeof customers; nextCursor: string | null } = await readApi(
      `/v1/customers?limit=200&sort=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    customers.push(...page.data)
    cursor = page.nextCursor
  }
  expect(customers).toHaveLength(USERS)
  expect(new Set(customers.map((customer) => customer.userId)).size).toBe(USERS)
  // Exactly once: every customer has each of its orders once, never twice.
  expect(customers.filter((customer) => customer.orders !== PURCHASES_PER_USER)).toEqual([])
  expect(customers.filter((customer) => Math.abs(customer.revenue - PURCHASES_PER_USER * 12.5) > 1e-9)).toEqual([])
  console.log(`e2e: ${client.stats().requests} requests, ${client.stats().retries} retries; proxy ${JSON.stringify(proxy.counts)}`)
}, 600_000)

test('track() and trackRefund() through the same faulty proxy: every event and refund stored once, in counts and timelines', async () => {
  // An app of its own, so its counts are only this test's.
  const app = await signUp(server.url)
  const countsBefore = { ...proxy.counts }
  const client = createClient<object, object, { 'Viewed pricing': { plan: string }; 'Opened support ticket': { topic: string } }>({
    apiKey: app.publishable,
    host: proxy.url,
    flushAt: 50,
    timeout: REQUEST_TIMEOUT_MS,
    retryDelay: 50,
    maxRetryDelay: 1000,
    maxAttempts: 50,
    maxRetryTime: 300_000,
  })
  const drops: DropInfo[] = []
  client.on('drop', (drop) => drops.push(drop))
  const ACTIVE_USERS = 300
  let tracked = 0
  for (let user = 0; user < ACTIVE_USERS; user++) {
    const userId = `active-${user}`
    const calls = [
      client.trackUser({ userId, name: `Active ${user}` }),
      client.trackPurchase({ orderId: `active-order-${user}`, userId, amount: '30.00', currency: 'USD', product: 'Tea box' }),
      client.track({ userId, event: 'Viewed pricing', properties: { plan: user % 2 ? 'pro' : 'team' } }),
      // A partial refund of that user's order, and a refund of the customer alone (a goodwill credit).
      client.trackRefund({ refundId: `active-refund-${user}`, userId, orderId: `active-order-${user}`, amount: '10.00', currency: 'USD', reason: 'Arrived broken' }),
      client.trackRefund({ refundId: `active-credit-${user}`, userId, amount: 2.5, currency: 'usd' }),
      client.track({ userId, event: 'Opened support ticket', properties: { topic: 'billing' } }),
    ]
    tracked += calls.filter(Boolean).length
  }
  expect(tracked).toBe(ACTIVE_USERS * 6)

  const result = await client.shutdown({ timeout: 300_000 })
  expect(drops).toEqual([])
  expect(result).toEqual({ sent: tracked, failed: 0, dropped: 0, pending: 0 })
  // The proxy misbehaved during this test too, including after the server had stored a batch (a lost answer).
  const faults = Object.fromEntries(Object.entries(proxy.counts).map(([kind, count]) => [kind, count - countsBefore[kind as keyof typeof countsBefore]]))
  expect((faults.failedAfter ?? 0) + (faults.resetAfter ?? 0) + (faults.delayed ?? 0)).toBeGreaterThan(0)
  expect(client.stats().retries).toBeGreaterThan(0)

  const connection = await readApi<{ counts: Counts }>('/v1/connection', app.secret)
  expect(connection.counts).toEqual({ customers: ACTIVE_USERS, purchases: ACTIVE_USERS, refunds: 2 * ACTIVE_USERS, events: 2 * ACTIVE_USERS })

  // Every customer's timeline holds its purchase, both refunds and both events, each once.
  for (let user = 0; user < ACTIVE_USERS; user++) {
    const detail = await readApi<{ stats: { orders: number }; timeline: { type: string; [field: string]: unknown }[] }>(`/v1/customers/active-${user}`, app.secret)
    expect(detail.stats.orders).toBe(1)
    const entries = detail.timeline.filter((entry) => entry.type === 'refund' || entry.type === 'event' || entry.type === 'purchase')
    expect(entries).toHaveLength(5)
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'purchase', orderId: `active-order-${user}`, amount: 30 }),
        expect.objectContaining({ type: 'refund', refundId: `active-refund-${user}`, orderId: `active-order-${user}`, amount: 10, reason: 'Arrived broken' }),
        expect.objectContaining({ type: 'refund', refundId: `active-credit-${user}`, orderId: null, amount: 2.5, currency: 'USD' }),
        expect.objectContaining({ type: 'event', event: 'Viewed pricing', properties: { plan: user % 2 ? 'pro' : 'team' } }),
        expect.objectContaining({ type: 'event', event: 'Opened support ticket', properties: { topic: 'billing' } }),
      ]),
    )
  }
  console.log(`e2e track/trackRefund: ${client.stats().requests} requests, ${client.stats().retries} retries, proxy ${JSON.stringify(faults)}`)
}, 300_000)

test('a closing page: the beacon body (text/plain, key inside) is accepted, and the next load resends once', async () => {
  const before = await readApi<{ counts: Counts }>('/v1/connection')
  const storage = new MemoryStorage()
  const page = Object.assign(new EventTarget(), { localStorage: storage })
  const beacons: Promise<Response>[] = []
  vi.stubGlobal('window', page)
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page))
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page))
  vi.stubGlobal('document', new EventTarget())
  // What a browser does with sendBeacon(url, string): a POST of the string as text/plain, no custom header.
  vi.stubGlobal('navigator', {
    sendBeacon: (url: string, body: string) =>
      beacons.push(fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } })) > 0,
  })
  try {
    const page1 = createClient({ apiKey: keys.publishable, host: server.url, flushInterval: 60_000 })
    for (let index = 0; index < 30; index++)
      page1.trackPurchase({ orderId: `beacon-${index}`, userId: 'beacon-user', amount: 3, currency: 'USD', product: 'Tea' })
    await new Promise((resolve) => setTimeout(resolve, 10))
    page.dispatchEvent(new Event('pagehide'))
    const answers = await Promise.all(beacons)
    expect(answers.map((answer) => answer.status)).toEqual([200])
    expect(await answers[0]!.json()).toEqual({ accepted: 30, duplicates: 0, rejected: [] })

    // The next load finds the saved events and sends them again under the same ids: the server counts them once.
    const page2 = createClient({ apiKey: keys.publishable, host: server.url })
    expect(page2.stats().queued).toBe(30)
    expect(await page2.flush()).toEqual({ sent: 30, failed: 0, dropped: 0, pending: 0 })
    const after = await readApi<{ counts: Counts }>('/v1/connection')
    expect(after.counts).toEqual({ ...before.counts, customers: before.counts.customers + 1, purchases: before.counts.purchases + 30 })
  } finally {
    vi.unstubAllGlobals()
  }
}, 60_000)
