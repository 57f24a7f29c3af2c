import { describe, expect, test } from 'vitest'
import type { Reply } from './mock-crm-server'
import { runScenario, trackActivityMix } from './scenario'
import { useMockCrm } from './use-mock-crm'

// track() and trackRefund() through the failures of delivery-scenarios.test.ts: runScenario checks that what the
// server stored is what was tracked, each event once, under the id it was given when queued.
const crm = useMockCrm()

const run = (count: number, options = {}) => runScenario(crm, count, options, trackActivityMix)

/** The stored events by type: every tracked refund and event is there once. */
function storedTypes() {
  const counts: Record<string, number> = {}
  for (const event of crm.stored.values()) counts[event.type] = (counts[event.type] ?? 0) + 1
  return counts
}

describe('track() and trackRefund() under failures: each event delivered exactly once', () => {
  test('500s for a while, then success', async () => {
    crm.reply = ({ number }) => (number <= 3 ? { kind: 'status', status: 500 } : { kind: 'store' })
    const { stats, retries } = await run(200)
    expect(stats.sent).toBe(200)
    expect(retries).toHaveLength(3)
    expect(storedTypes()).toEqual({ user: 50, event: 100, refund: 50 })
  })

  test('a 503 after the server stored the batch: the retry is a duplicate and counts once', async () => {
    crm.reply = ({ number }) => (number % 2 === 1 ? { kind: 'status', status: 503, storeFirst: true } : { kind: 'store' })
    const { stats } = await run(150)
    expect(stats.sent).toBe(150)
    expect(crm.deliveries.length).toBeGreaterThan(150)
    expect(storedTypes()).toEqual({ user: 38, event: 75, refund: 37 })
  })

  test('dropped connections, before and after the server stored the batch', async () => {
    crm.reply = ({ number }) => (number % 3 === 0 ? { kind: 'store' } : { kind: 'network_error', storeFirst: number % 3 === 2 })
    const { stats } = await run(300)
    expect(stats.sent).toBe(300)
    expect(crm.deliveries.length).toBeGreaterThan(300)
  })

  test('timeouts: a hung request is abandoned after `timeout` and retried with the same ids', async () => {
    crm.reply = ({ number }) => (number <= 2 ? { kind: 'hang' } : { kind: 'store' })
    const { stats, retries } = await run(60, { timeout: 5000 })
    expect(stats.sent).toBe(60)
    expect(retries.map((retry) => retry.reason)).toEqual([expect.stringMatching(/timeout/i), expect.stringMatching(/timeout/i)])
    const firstIds = crm.requests[0]!.events.map((event) => event.messageId)
    expect(crm.requests[2]!.events.map((event) => event.messageId)).toEqual(firstIds)
  })

  test('429 with Retry-After, and a partial success whose retryable rejections alone go again', async () => {
    crm.reply = ({ number }) =>
      number === 1
        ? { kind: 'status', status: 429, headers: { 'retry-after': '3' } }
        : { kind: 'store', reject: (event, index) => (number === 2 && index % 4 === 1 ? { code: 'internal_error', message: 'try again' } : undefined) }
    const { stats, retries } = await run(40)
    expect(stats.sent).toBe(40)
    expect(retries[0]?.delay).toBe(3000)
    expect(crm.requests[2]!.events.map((event) => event.type)).toEqual(Array(10).fill('event'))
  })

  test('chaos: a seeded mix of every failure over 2000 events', async () => {
    let seed = 7
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    crm.reply = (): Reply => {
      const roll = random()
      if (roll < 0.1) return { kind: 'status', status: 500, storeFirst: random() < 0.5 }
      if (roll < 0.15) return { kind: 'status', status: 429, headers: { 'retry-after': '1' } }
      if (roll < 0.22) return { kind: 'network_error', storeFirst: random() < 0.5 }
      if (roll < 0.25) return { kind: 'hang' }
      return { kind: 'store', reject: () => (random() < 0.01 ? { code: 'internal_error', message: 'try again' } : undefined) }
    }
    const { stats } = await run(2000, { flushAt: 100, timeout: 3000 })
    expect(stats.sent).toBe(2000)
    expect(storedTypes()).toEqual({ user: 500, event: 1000, refund: 500 })
  })
})
