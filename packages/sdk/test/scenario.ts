import { expect, vi } from 'vitest'
import { createClient, type ClientOptions, type DropInfo } from '../src'
import { API_KEY, HOST, type createMockCrm, type WireEvent } from './mock-crm-server'

type MockCrm = ReturnType<typeof createMockCrm>

/** Tracks `count` events on `client` and returns how many were queued. */
export type TrackEvents = (client: ReturnType<typeof createClient>, count: number) => number

/** Events a scenario tracks: users and purchases, some with non-ASCII text so bytes and characters differ. */
export function trackMix(client: ReturnType<typeof createClient>, count: number, offset = 0): number {
  let queued = 0
  for (let index = offset; index < offset + count; index++) {
    const accepted =
      index % 4 === 0
        ? client.trackUser({ userId: `u${index}`, name: index % 8 === 0 ? 'Zoë Ёлкина 🛒' : 'Ann', traits: { plan: 'pro' } })
        : client.trackPurchase({ orderId: `o${index}`, userId: `u${index - (index % 4)}`, amount: '9.90', currency: 'EUR', product: 'Чай' })
    if (accepted) queued++
  }
  return queued
}

/**
 * Events of `track()` and `trackRefund()` with the users they belong to: refunds of an order (the mock does not
 * check orders) and refunds of the customer alone, events with and without properties, some non-ASCII text.
 */
export function trackActivityMix(client: ReturnType<typeof createClient>, count: number): number {
  let queued = 0
  for (let index = 0; index < count; index++) {
    const userId = `u${index - (index % 4)}`
    const accepted =
      index % 4 === 0
        ? client.trackUser({ userId, name: 'Zoë Ёлкина 🛒' })
        : index % 2
          ? client.track({ userId, event: index % 3 ? 'Viewed pricing' : 'Открыл тикет', properties: { n: index, plan: 'pro' } })
          : client.trackRefund({ refundId: `r${index}`, userId, amount: '4.50', currency: 'eur', orderId: index % 8 === 2 ? `o${index}` : undefined, reason: 'Чай остыл' })
    if (accepted) queued++
  }
  return queued
}

/** What makes a stored event the one it is, whatever its messageId: so an event stored under two ids shows. */
const naturalKey = (event: WireEvent): string =>
  event.type === 'event' ? `event:${JSON.stringify(event.properties)}` : `${event.type}:${String(event.refundId ?? event.orderId ?? event.userId)}`

/**
 * Runs a delivery scenario under fake timers: tracks `count` events with `track` (users and purchases unless told), flushes with a deadline past the retry budget,
 * and checks the delivery invariant: what the mock server stored, deduplicated by messageId, is exactly what was
 * tracked minus what the client reported dropped or refused, and the client counted nothing twice.
 */
export async function runScenario(crm: MockCrm, count: number, options: Partial<ClientOptions> = {}, track: TrackEvents = trackMix) {
  const client = createClient({ apiKey: API_KEY, host: HOST, ...options })
  const drops: DropInfo[] = []
  const sentIds: string[] = []
  const retries: { attempt: number; delay: number; reason: string }[] = []
  client.on('drop', (drop) => drops.push(drop))
  client.on('sent', ({ messageIds }) => sentIds.push(...messageIds))
  client.on('retry', (retry) => retries.push(retry))
  client.on('error', () => {})
  const startedAt = Date.now()
  const queued = track(client, count)
  const pending = client.flush({ timeout: 10 * 60_000 })
  await vi.runAllTimersAsync()
  const result = await pending
  const elapsed = Date.now() - startedAt

  const droppedIds = drops.flatMap((drop) => drop.messageIds)
  const storedIds = [...crm.stored.keys()]
  const stats = client.stats()
  // Nothing counted twice: each id is reported once, as sent or as dropped.
  expect(new Set(sentIds).size).toBe(sentIds.length)
  expect(new Set(droppedIds).size).toBe(droppedIds.length)
  // The server holds exactly the sent events, and none that was reported dropped.
  expect(new Set(sentIds)).toEqual(new Set(storedIds))
  expect(droppedIds.filter((id) => crm.stored.has(id))).toEqual([])
  // Sent plus dropped is everything queued, so the stored set is the tracked set minus drops.
  expect(sentIds.length + droppedIds.length).toBe(queued)
  // Every stored event is a distinct tracked one (no event stored under two ids).
  const storedKeys = [...crm.stored.values()].map(naturalKey)
  expect(new Set(storedKeys).size).toBe(storedKeys.length)
  expect(stats.sent).toBe(storedIds.length)
  expect(stats.sent + stats.dropped + stats.failed).toBe(queued)
  expect(result).toEqual({ sent: stats.sent, failed: stats.failed, dropped: stats.dropped, pending: 0 })
  return { client, result, stats, drops, retries, elapsed, queued }
}
