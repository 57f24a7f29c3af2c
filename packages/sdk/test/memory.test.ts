import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { createClient } from '../src'
import { API_KEY, createMockCrm, HOST } from './mock-crm-server'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const crm = createMockCrm(() => ({ kind: 'network_error' }))
beforeAll(() => crm.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => crm.server.close())
beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

test('100 000 events while the server is down stay within the queue bounds; the rest are reported', async () => {
  const client = createClient({ apiKey: API_KEY, host: HOST })
  const dropped = { queue_full: 0, retries_exhausted: 0, rejected: 0 }
  client.on('drop', ({ reason, messageIds }) => (dropped[reason] += messageIds.length))
  client.on('error', () => {})
  gc()
  const before = process.memoryUsage().heapUsed
  let queued = 0
  for (let index = 0; index < 100_000; index++) {
    const accepted = client.trackPurchase({
      orderId: `order-${index}`,
      userId: `user-${index % 5000}`,
      amount: 42.5,
      currency: 'USD',
      items: [{ productId: `sku-${index % 300}`, name: 'Ceramic teapot, 1.2 l', category: 'kitchen', quantity: 1, price: 42.5 }],
      properties: { coupon: index % 7 ? null : 'WINTER', channel: 'web' },
    })
    if (accepted) queued++
    // Let delivery attempts and backoff run now and then, as they would while the app keeps working.
    if (index % 10_000 === 0) await vi.advanceTimersByTimeAsync(1000)
  }
  gc()
  const grown = process.memoryUsage().heapUsed - before
  const stats = client.stats()

  expect(stats.queued).toBeLessThanOrEqual(10_000)
  expect(stats.queuedBytes).toBeLessThanOrEqual(5 * 1024 * 1024)
  // Every event is refused at the door, or queued and then held or given up after its budget; all of it is reported.
  expect(queued + dropped.queue_full).toBe(100_000)
  expect(stats.queued + dropped.retries_exhausted).toBe(queued)
  expect(stats.dropped).toBe(dropped.queue_full + dropped.retries_exhausted)
  expect(stats.sent).toBe(0)
  // The heap holds the queue and little else: 10 000 events of ~330 bytes, with their objects, well under 16 MB.
  expect(grown).toBeLessThan(16 * 1024 * 1024)
  console.log(`queued ${stats.queued} events, ${(stats.queuedBytes / 1024 / 1024).toFixed(2)} MiB of JSON; heap grew ${(grown / 1024 / 1024).toFixed(1)} MB`)
})
