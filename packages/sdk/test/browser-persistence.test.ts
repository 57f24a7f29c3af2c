import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createClient } from '../src'
import { MemoryStorage } from './memory-storage'
import { API_KEY, HOST } from './mock-crm-server'
import { useMockCrm } from './use-mock-crm'

const crm = useMockCrm()
let storage: MemoryStorage
let page: EventTarget
let beacons: { url: string; body: unknown }[]

beforeEach(() => {
  // A browser page as the SDK sees it: document, window with localStorage, addEventListener, navigator.sendBeacon.
  storage = new MemoryStorage()
  page = Object.assign(new EventTarget(), { localStorage: storage })
  beacons = []
  vi.stubGlobal('window', page)
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page))
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page))
  vi.stubGlobal('document', new EventTarget())
  vi.stubGlobal('navigator', {
    sendBeacon: (url: string, body: unknown) => {
      beacons.push({ url, body })
      return true
    },
  })
})
afterEach(() => vi.unstubAllGlobals())

const purchase = (orderId: string) => ({ orderId, userId: 'u1', amount: 5, currency: 'USD', product: 'Tea' })

/** What a browser does with a beacon: a POST with the string body as text/plain, no custom headers. */
async function deliverBeacons() {
  for (const { url, body } of beacons)
    await fetch(url, { method: 'POST', body: body as string, headers: { 'content-type': 'text/plain;charset=UTF-8' } })
}

test('in a browser the client defaults to a 1 s interval and localStorage', async () => {
  const client = createClient({ apiKey: API_KEY, host: HOST })
  client.trackPurchase(purchase('o1'))
  await vi.advanceTimersByTimeAsync(10)
  expect(storage.length).toBe(1)
  await vi.advanceTimersByTimeAsync(1000)
  expect(crm.stored.size).toBe(1)
  await vi.advanceTimersByTimeAsync(10)
  expect(storage.length).toBe(0)
})

test('events a closed page could not send are resent on the next load with the same ids, once', async () => {
  crm.reply = () => ({ kind: 'network_error' })
  const first = createClient({ apiKey: API_KEY, host: HOST })
  first.on('error', () => {})
  for (let index = 0; index < 8; index++) first.trackPurchase(purchase(`o${index}`))
  await vi.advanceTimersByTimeAsync(1500)
  const queuedIds = crm.requests[0]?.events.map((event) => event.messageId)
  expect(queuedIds).toHaveLength(8)
  // The tab closes without a pagehide (a crash): only storage is left.

  crm.reply = () => ({ kind: 'store' })
  const next = createClient({ apiKey: API_KEY, host: HOST })
  expect(next.stats().queued).toBe(8)
  const pending = next.flush()
  await vi.advanceTimersByTimeAsync(100)
  expect(await pending).toMatchObject({ sent: 8, pending: 0 })
  expect(new Set(crm.stored.keys())).toEqual(new Set(queuedIds))
})

test('pagehide hands the queue to sendBeacon as text/plain with the publishable key in the body', async () => {
  crm.reply = () => ({ kind: 'hang' })
  const client = createClient({ apiKey: API_KEY, host: HOST })
  for (let index = 0; index < 3; index++) client.trackPurchase(purchase(`o${index}`))
  // The browser dispatches pagehide as a task of its own, after the current one's microtasks.
  await Promise.resolve()
  page.dispatchEvent(new Event('pagehide'))
  expect(beacons).toHaveLength(1)
  expect(beacons[0]?.url).toBe(`${HOST}/v1/batch`)
  // A string body is sent as text/plain, a CORS-safelisted type: no preflight.
  expect(typeof beacons[0]?.body).toBe('string')
  const body = JSON.parse(beacons[0]?.body as string) as { key: string; batch: { orderId: string }[] }
  expect(body.key).toBe(API_KEY)
  expect(body.batch.map((event) => event.orderId)).toEqual(['o0', 'o1', 'o2'])

  crm.reply = () => ({ kind: 'store' })
  await deliverBeacons()
  expect(crm.requests.at(-1)?.contentType).toContain('text/plain')
  expect(crm.requests.at(-1)?.authorization).toBeNull()
  // The beaconed events stay saved; the next load sends them again and the server counts them once.
  const next = createClient({ apiKey: API_KEY, host: HOST })
  const pending = next.flush()
  await vi.advanceTimersByTimeAsync(100)
  await pending
  expect(crm.stored.size).toBe(3)
  expect(crm.deliveries.length).toBe(6)
})

test('track() and trackRefund() are saved, beaconed on pagehide, and counted once when the next load resends them', async () => {
  crm.reply = () => ({ kind: 'hang' })
  const client = createClient({ apiKey: API_KEY, host: HOST })
  client.track({ userId: 'u1', event: 'Viewed pricing', properties: { plan: 'pro' } })
  client.trackRefund({ refundId: 'r1', userId: 'u1', orderId: 'o1', amount: '5.00', currency: 'USD', reason: 'Arrived broken' })
  client.trackRefund({ refundId: 'r2', userId: 'u1', amount: 1.5, currency: 'USD' })
  await vi.advanceTimersByTimeAsync(1)
  expect([...storage.items.values()].join('')).toContain('"type":"refund"')
  page.dispatchEvent(new Event('pagehide'))
  const body = JSON.parse(beacons[0]?.body as string) as { key: string; batch: { type: string; messageId: string }[] }
  expect(body.key).toBe(API_KEY)
  expect(body.batch.map((event) => event.type)).toEqual(['event', 'refund', 'refund'])

  crm.reply = () => ({ kind: 'store' })
  await deliverBeacons()
  expect(crm.stored.size).toBe(3)
  const next = createClient({ apiKey: API_KEY, host: HOST })
  expect(next.stats().queued).toBe(3)
  const pending = next.flush()
  await vi.advanceTimersByTimeAsync(100)
  expect(await pending).toMatchObject({ sent: 3, pending: 0 })
  // The same ids as the beacon's: the server stored each once.
  expect(crm.requests.at(-1)?.events.map((event) => event.messageId)).toEqual(body.batch.map((event) => event.messageId))
  expect(crm.stored.size).toBe(3)
})

test('shutdown stops watching the page', async () => {
  crm.reply = () => ({ kind: 'hang' })
  const client = createClient({ apiKey: API_KEY, host: HOST })
  client.trackPurchase(purchase('o1'))
  const closing = client.shutdown({ timeout: 100 })
  await vi.advanceTimersByTimeAsync(100)
  expect(await closing).toMatchObject({ pending: 1 })
  page.dispatchEvent(new Event('pagehide'))
  expect(beacons).toEqual([])
})

test('a secret key never goes into a beacon body', async () => {
  const client = createClient({ apiKey: 'crm_sk_secret', host: HOST })
  client.trackPurchase(purchase('o1'))
  await Promise.resolve()
  page.dispatchEvent(new Event('pagehide'))
  expect(beacons).toEqual([])
})

test('beacons stay under the browser quota of 64 KiB per call', async () => {
  const client = createClient({ apiKey: API_KEY, host: HOST, flushAt: 1000, maxQueueEvents: 5000 })
  for (let index = 0; index < 1500; index++) client.trackUser({ userId: `u${index}`, traits: { note: 'é'.repeat(100) } })
  await Promise.resolve()
  page.dispatchEvent(new Event('pagehide'))
  const sizes = beacons.map(({ body }) => new TextEncoder().encode(body as string).length)
  expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024)
  const sent = beacons.flatMap(({ body }) => (JSON.parse(body as string) as { batch: unknown[] }).batch)
  expect(sent).toHaveLength(1500)
})

test('the queue is saved within a tick of a change, bounded by maxStoredChars', async () => {
  crm.reply = () => ({ kind: 'hang' })
  const client = createClient({ apiKey: API_KEY, host: HOST, maxStoredChars: 2000 })
  for (let index = 0; index < 50; index++) client.trackPurchase(purchase(`o${index}`))
  expect(storage.length).toBe(0)
  await vi.advanceTimersByTimeAsync(1)
  const saved = [...storage.items.values()].join('')
  expect(saved.length).toBeGreaterThan(1500)
  expect(saved.length).toBeLessThanOrEqual(2000)
  // The oldest events, which leave first, are the ones kept.
  expect(saved).toContain('"orderId":"o0"')
})

test('two apps on one page keep separate storage', async () => {
  crm.reply = () => ({ kind: 'hang' })
  const one = createClient({ apiKey: API_KEY, host: HOST })
  const two = createClient({ apiKey: 'crm_pk_other_app', host: HOST })
  one.trackPurchase(purchase('o1'))
  two.trackPurchase(purchase('o2'))
  await vi.advanceTimersByTimeAsync(10)
  expect(storage.length).toBe(2)
  const reloaded = createClient({ apiKey: 'crm_pk_other_app', host: HOST })
  expect(reloaded.stats().queued).toBe(1)
})

test('blocked storage degrades to memory only', () => {
  vi.stubGlobal('window', {
    get localStorage(): never {
      throw new DOMException('blocked', 'SecurityError')
    },
    addEventListener() {},
  })
  const client = createClient({ apiKey: API_KEY, host: HOST })
  expect(client.trackPurchase(purchase('o1'))).toBe(true)
})
