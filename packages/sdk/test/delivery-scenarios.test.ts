import { describe, expect, test, vi } from 'vitest'
import type { Reply } from './mock-crm-server'
import { runScenario } from './scenario'
import { useMockCrm } from './use-mock-crm'

const crm = useMockCrm()

describe('delivery under failures', () => {
  test('500s for a while, then success: everything arrives once', async () => {
    crm.reply = ({ number }) => (number <= 3 ? { kind: 'status', status: 500 } : { kind: 'store' })
    const { stats, retries } = await runScenario(crm, 200)
    expect(stats.sent).toBe(200)
    expect(retries.map((retry) => retry.reason)).toEqual(Array(3).fill('HTTP 500: status 500'))
  })

  test('408 and 502 are retried like 500', async () => {
    crm.reply = ({ number }) => (number === 1 ? { kind: 'status', status: 408 } : number === 2 ? { kind: 'status', status: 502 } : { kind: 'store' })
    const { stats, retries } = await runScenario(crm, 20)
    expect(stats.sent).toBe(20)
    expect(retries.map((retry) => retry.reason.slice(0, 8))).toEqual(['HTTP 408', 'HTTP 502'])
  })

  test('503 after the server stored the batch: the retry is a duplicate and counts once', async () => {
    crm.reply = ({ number }) => (number % 2 === 1 ? { kind: 'status', status: 503, storeFirst: true } : { kind: 'store' })
    const { stats } = await runScenario(crm, 150)
    expect(stats.sent).toBe(150)
    expect(crm.deliveries.length).toBeGreaterThan(150)
  })

  test('429 with Retry-After in seconds and as an HTTP date is honoured', async () => {
    crm.reply = ({ number }) => {
      if (number === 1) return { kind: 'status', status: 429, headers: { 'retry-after': '7' } }
      if (number === 2) return { kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() + 12_000).toUTCString() } }
      return { kind: 'store' }
    }
    const { retries, elapsed, stats } = await runScenario(crm, 10)
    expect(stats.sent).toBe(10)
    expect(retries[0]?.delay).toBe(7000)
    // An HTTP date has one-second resolution.
    expect(retries[1]?.delay).toBeGreaterThan(11_000)
    expect(retries[1]?.delay).toBeLessThanOrEqual(12_000)
    expect(elapsed).toBeGreaterThanOrEqual(18_000)
  })

  test('timeouts: a hung request is abandoned after `timeout` and retried', async () => {
    crm.reply = ({ number }) => (number <= 2 ? { kind: 'hang' } : { kind: 'store' })
    const { stats, retries, elapsed } = await runScenario(crm, 60, { timeout: 5000 })
    expect(stats.sent).toBe(60)
    expect(retries).toHaveLength(2)
    expect(retries[0]?.reason).toMatch(/timeout/i)
    expect(elapsed).toBeGreaterThanOrEqual(10_000)
  })

  test('dropped connections, before and after the server stored the batch', async () => {
    crm.reply = ({ number }) => (number % 3 === 0 ? { kind: 'store' } : { kind: 'network_error', storeFirst: number % 3 === 2 })
    const { stats } = await runScenario(crm, 300)
    expect(stats.sent).toBe(300)
    expect(crm.deliveries.length).toBeGreaterThan(300)
  })

  test('413: batches are split in halves until they fit', async () => {
    crm.reply = ({ events }) => (events.length > 7 ? { kind: 'status', status: 413 } : { kind: 'store' })
    const { stats } = await runScenario(crm, 100)
    expect(stats.sent).toBe(100)
    expect(crm.requests.filter((request) => request.events.length <= 7).every((request) => request.events.length > 3)).toBe(true)
  })

  test('a single event the server finds too large is reported, not retried forever', async () => {
    crm.reply = ({ events }) => (events.some((event) => event.type === 'user' && event.userId === 'u8') ? { kind: 'status', status: 413 } : { kind: 'store' })
    const { stats, drops } = await runScenario(crm, 20)
    expect(stats.failed).toBe(1)
    expect(drops).toEqual([expect.objectContaining({ reason: 'rejected', messageIds: [expect.any(String)] })])
  })

  test('partial rejections: only events rejected for a retryable reason are resent', async () => {
    const rateLimitedOnce = new Set<string>()
    crm.reply = ({ number }) => ({
      kind: 'store',
      reject: (event, index) => {
        if (event.orderId === 'o5') return { code: 'validation_failed', message: 'items.0.price: Expected number' }
        if (number === 1 && index % 5 === 0) {
          rateLimitedOnce.add(event.messageId)
          return { code: 'rate_limited', message: 'slow down' }
        }
        return undefined
      },
    })
    const { stats, drops } = await runScenario(crm, 50)
    expect(stats).toMatchObject({ sent: 49, failed: 1, dropped: 0 })
    expect(drops).toEqual([expect.objectContaining({ reason: 'rejected', message: 'items.0.price: Expected number' })])
    expect(new Set(crm.requests[1]?.events.map((event) => event.messageId))).toEqual(rateLimitedOnce)
  })

  test('a non-retryable 4xx fails the batch at once', async () => {
    crm.reply = () => ({ kind: 'status', status: 401 })
    const { stats, retries } = await runScenario(crm, 30)
    expect(stats).toMatchObject({ sent: 0, failed: 30 })
    expect(retries).toEqual([])
    expect(crm.requests).toHaveLength(1)
  })

  test('the server down for the whole budget: every event is reported dropped within the budget', async () => {
    crm.reply = () => ({ kind: 'status', status: 503 })
    const { stats, drops, elapsed } = await runScenario(crm, 120, { maxRetryTime: 20_000, maxAttempts: 100 })
    expect(stats).toMatchObject({ sent: 0, dropped: 120 })
    expect(drops.every((drop) => drop.reason === 'retries_exhausted')).toBe(true)
    // Three batches, each giving up inside its own 20 s budget.
    expect(elapsed).toBeLessThanOrEqual(3 * 20_000)
  })

  test('the attempt limit bounds the requests per batch', async () => {
    crm.reply = () => ({ kind: 'network_error' })
    const { stats } = await runScenario(crm, 50, { maxAttempts: 4 })
    expect(stats.dropped).toBe(50)
    expect(crm.requests).toHaveLength(4)
  })

  test('chaos: a seeded mix of every failure over 2000 events', async () => {
    let seed = 42
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    const replies = (): Reply => {
      const roll = random()
      if (roll < 0.1) return { kind: 'status', status: 500, storeFirst: random() < 0.5 }
      if (roll < 0.15) return { kind: 'status', status: 429, headers: { 'retry-after': '1' } }
      if (roll < 0.22) return { kind: 'network_error', storeFirst: random() < 0.5 }
      if (roll < 0.25) return { kind: 'hang' }
      return { kind: 'store', reject: () => (random() < 0.01 ? { code: 'internal_error', message: 'try again' } : undefined) }
    }
    crm.reply = replies
    const { stats } = await runScenario(crm, 2000, { flushAt: 100, timeout: 3000 })
    expect(stats.sent).toBe(2000)
  })
})

describe('byte-accurate batching', () => {
  test('multi-byte text never makes a request pass 1 MiB (no 413), though its UTF-16 length would fit', async () => {
    crm.reply = () => ({ kind: 'store' })
    const { createClient } = await import('../src')
    const { API_KEY, HOST } = await import('./mock-crm-server')
    const client = createClient({ apiKey: API_KEY, host: HOST })
    // 20 000 '€' are 20 000 UTF-16 units but 60 000 bytes; 50 of them are 1 M units and 3 MB.
    const note = '€'.repeat(20_000)
    for (let index = 0; index < 50; index++) expect(client.trackUser({ userId: `u${index}`, traits: { note } })).toBe(true)
    const pending = client.flush()
    await vi.runAllTimersAsync()
    expect(await pending).toEqual({ sent: 50, failed: 0, dropped: 0, pending: 0 })
    const sizes = crm.requests.map((request) => new TextEncoder().encode(JSON.stringify(request.body)).length)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024)
    // 17 events of ~60 KB fill a request; a batcher counting characters would have sent one 3 MB request.
    expect(crm.requests.length).toBe(3)
  })
})
