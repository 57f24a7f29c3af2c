import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, test, vi } from 'vitest'
import type { createClient as CreateClient } from '../src'
import { buildBrowserBundle } from '../scripts/browser-build'
import { MemoryStorage } from './memory-storage'
import { API_KEY, HOST } from './mock-crm-server'
import { useMockCrm } from './use-mock-crm'

// The browser build renames internal properties; this runs that very bundle, not the sources.
const crm = useMockCrm()
const folder = mkdtempSync(join(tmpdir(), 'crm-sdk-bundle-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function loadBrowserBundle(): Promise<typeof CreateClient> {
  const file = join(folder, `bundle-${Date.now()}.mjs`)
  writeFileSync(file, await buildBrowserBundle())
  return ((await import(pathToFileURL(file).href)) as { createClient: typeof CreateClient }).createClient
}

test('the minified browser bundle delivers through failures, splits on 413, persists and beacons', async () => {
  const storage = new MemoryStorage()
  const page = Object.assign(new EventTarget(), { localStorage: storage })
  const beacons: string[] = []
  vi.stubGlobal('window', page)
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page))
  vi.stubGlobal('document', new EventTarget())
  vi.stubGlobal('navigator', { sendBeacon: (_url: string, body: string) => beacons.push(body) > 0 })
  try {
    const createClient = await loadBrowserBundle()
    crm.reply = ({ number, events }) => {
      if (number === 1) return { kind: 'status', status: 503, headers: { 'retry-after': '2' } }
      if (events.length > 4) return { kind: 'status', status: 413 }
      return { kind: 'store', reject: (event) => (event.orderId === 'o3' ? { code: 'validation_failed', message: 'bad' } : undefined) }
    }
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const drops: string[] = []
    client.on('drop', (drop) => drops.push(drop.reason))
    client.on('error', () => {})
    for (let index = 0; index < 10; index++) client.trackPurchase({ orderId: `o${index}`, userId: 'u1', amount: 5, currency: 'usd', product: 'Tea' })
    await vi.advanceTimersByTimeAsync(1)
    expect(storage.length).toBe(1)
    page.dispatchEvent(new Event('pagehide'))
    expect(JSON.parse(beacons[0]!)).toMatchObject({ key: API_KEY, batch: expect.any(Array) })
    const pending = client.flush()
    await vi.runAllTimersAsync()
    expect(await pending).toEqual({ sent: 9, failed: 1, dropped: 0, pending: 0 })
    expect(drops).toEqual(['rejected'])
    expect(crm.stored.size).toBe(9)
    expect(client.stats()).toMatchObject({ queued: 0, queuedBytes: 0, sent: 9, failed: 1, retries: 1 })
  } finally {
    vi.unstubAllGlobals()
  }
})

test('the minified bundle’s track() and trackRefund() queue and deliver their events', async () => {
  const createClient = await loadBrowserBundle()
  crm.reply = ({ number }) => (number === 1 ? { kind: 'network_error', storeFirst: true } : { kind: 'store' })
  const client = createClient({ apiKey: API_KEY, host: HOST, storage: false, beacon: false })
  client.on('error', () => {})
  expect(client.track({ userId: 'u1', event: 'Viewed pricing', properties: { plan: 'pro' } })).toBe(true)
  expect(client.trackRefund({ refundId: 'r1', userId: 'u1', amount: '2.50', currency: 'usd', orderId: 'o1' })).toBe(true)
  expect(client.trackRefund({ refundId: 'r2', userId: 'u1', amount: 0, currency: 'USD' })).toBe(false)
  const pending = client.flush()
  await vi.runAllTimersAsync()
  expect(await pending).toEqual({ sent: 2, failed: 0, dropped: 0, pending: 0 })
  expect([...crm.stored.values()].map((event) => [event.type, event.currency])).toEqual([
    ['event', undefined],
    ['refund', 'USD'],
  ])
  expect(crm.deliveries).toHaveLength(4)
})
