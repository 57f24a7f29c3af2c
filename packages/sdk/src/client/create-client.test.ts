import { describe, expect, test, vi } from 'vitest'
import { API_KEY, HOST } from '../../test/mock-crm-server'
import { useMockCrm } from '../../test/use-mock-crm'
import type { ClientError, DropInfo } from './types'
import { createClient } from './create-client'

const crm = useMockCrm()

const purchase = (orderId: string) => ({ orderId, userId: 'u1', amount: 5, currency: 'USD', product: 'Tea' })

function recorded(client: ReturnType<typeof createClient>) {
  const errors: ClientError[] = []
  const drops: DropInfo[] = []
  client.on('error', (error) => errors.push(error))
  client.on('drop', (drop) => drops.push(drop))
  return { errors, drops }
}

describe('tracking', () => {
  test('invalid input returns false, emits a clear error and sends nothing; it never throws', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const { errors } = recorded(client)
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(client.trackPurchase({ ...purchase('o1'), amount: Number.NaN })).toBe(false)
    expect(client.trackPurchase({ ...purchase('o1'), currency: 'ABC' })).toBe(false)
    expect(client.trackUser({ userId: '' })).toBe(false)
    expect(client.trackUser(null as never)).toBe(false)
    expect(client.trackUser({ userId: 'u1', traits: circular })).toBe(false)
    expect(client.trackUser({ userId: 'u1', traits: { big: 1n } })).toBe(false)
    expect(client.trackUser({ userId: 'u1', traits: { note: 'x'.repeat(70_000) } })).toBe(false)
    expect(client.trackUser({ userId: 'u1', messageId: '' })).toBe(false)
    expect(errors.map((error) => error.code)).toEqual([
      'invalid_event',
      'invalid_event',
      'invalid_event',
      'invalid_event',
      'invalid_event',
      'invalid_event',
      'event_too_large',
      'invalid_event',
    ])
    expect(errors[0]?.message).toBe('crm-sdk: purchase not queued: amount must be a number >= 0 or a decimal string, not NaN')
    expect(errors[1]?.message).toContain('currency must be an ISO 4217 code such as "USD", not ABC')
    expect(errors[6]?.message).toContain('the server takes at most 65536')
    await client.flush()
    expect(crm.requests).toEqual([])
    expect(client.stats().queued).toBe(0)
  })

  test('without an error listener the problem is logged, not thrown', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = createClient({ apiKey: API_KEY, host: HOST })
    expect(client.trackUser({ userId: 42 as never })).toBe(false)
    expect(warn).toHaveBeenCalledWith('crm-sdk: user not queued: userId must be a non-empty string')
    warn.mockRestore()
  })

  test('a given messageId is kept; others get fresh UUIDs', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST })
    client.trackUser({ userId: 'u1', messageId: 'my-id-1' })
    client.trackPurchase(purchase('o1'))
    const pending = client.flush()
    await vi.runAllTimersAsync()
    await pending
    const ids = crm.requests[0]?.events.map((event) => event.messageId)
    expect(ids?.[0]).toBe('my-id-1')
    expect(ids?.[1]).toMatch(/^[0-9a-f-]{36}$/)
    expect(crm.requests[0]?.authorization).toBe(`Bearer ${API_KEY}`)
    expect(crm.requests[0]?.contentType).toBe('application/json')
  })

  test('a listener that throws does not break tracking or delivery', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const client = createClient({ apiKey: API_KEY, host: HOST })
    client.on('sent', () => {
      throw new Error('listener bug')
    })
    client.trackPurchase(purchase('o1'))
    const pending = client.flush()
    await vi.runAllTimersAsync()
    expect(await pending).toMatchObject({ sent: 1 })
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })

  test('a bad key or host throws once at creation', () => {
    expect(() => createClient({ apiKey: 'nope', host: HOST })).toThrow(TypeError)
    expect(() => createClient({ apiKey: 'crm_live_x', host: HOST })).toThrow(/apiKey/)
    expect(() => createClient({ apiKey: API_KEY, host: 'crm.test' })).toThrow(/host/)
  })

  test('an option given as undefined keeps its default', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST, flushAt: undefined, flushInterval: undefined })
    for (let index = 0; index < 50; index++) client.trackUser({ userId: `u${index}` })
    await vi.advanceTimersByTimeAsync(0)
    expect(crm.requests.map((request) => request.events.length)).toEqual([50])
  })
})

describe('track() and trackRefund()', () => {
  const refund = (refundId: string, orderId?: string) => ({ refundId, userId: 'u1', amount: '2.50', currency: 'usd', orderId })

  test('invalid input returns false with an error that names the field; nothing is sent', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const { errors } = recorded(client)
    expect(client.track({ userId: 'u1', event: '' })).toBe(false)
    expect(client.track({ userId: '', event: 'Viewed pricing' })).toBe(false)
    expect(client.track({ userId: 'u1', event: 'Viewed pricing', properties: 'pro' as never })).toBe(false)
    expect(client.track({ userId: 'u1', event: 'Viewed pricing', timestamp: 'soon' })).toBe(false)
    expect(client.track({ userId: 'u1', event: 'Viewed pricing', messageId: '' })).toBe(false)
    expect(client.track('Viewed pricing' as never)).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), refundId: ' ' })).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), amount: 0 })).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), amount: -3 })).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), currency: 'EURO' })).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), orderId: '' })).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), items: [] })).toBe(false)
    expect(client.trackRefund({ ...refund('r1'), reason: 'x'.repeat(70_000) })).toBe(false)
    expect(errors.map((error) => error.message)).toEqual([
      'crm-sdk: event not queued: event must be a non-empty string',
      'crm-sdk: event not queued: userId must be a non-empty string',
      'crm-sdk: event not queued: properties must be an object',
      'crm-sdk: event not queued: timestamp must be an ISO 8601 date or a Date',
      'crm-sdk: event not queued: messageId must be a non-empty string',
      'crm-sdk: event not queued: the event must be an object',
      'crm-sdk: refund not queued: refundId must be a non-empty string',
      'crm-sdk: refund not queued: amount must be greater than 0',
      'crm-sdk: refund not queued: amount must be a number >= 0 or a decimal string, not -3',
      'crm-sdk: refund not queued: currency must be an ISO 4217 code such as "USD", not EURO',
      'crm-sdk: refund not queued: orderId must be a non-empty string',
      'crm-sdk: refund not queued: items must be a non-empty array',
      expect.stringMatching(/^crm-sdk: refund not queued: it is \d+ bytes as JSON, the server takes at most 65536$/),
    ])
    expect(errors.map((error) => error.code).slice(-1)).toEqual(['event_too_large'])
    await client.flush()
    expect(crm.requests).toEqual([])
  })

  test('they share the queue and the batches with the other calls, in order, each with its type and id', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const at = new Date('2026-11-20T09:30:00Z')
    client.trackUser({ userId: 'u1' })
    client.trackPurchase(purchase('o1'))
    client.track({ userId: 'u1', event: 'Opened support ticket', properties: { topic: 'billing' } })
    client.trackRefund(refund('r1', 'o1'))
    client.trackRefund({ ...refund('r2'), timestamp: at, items: [{ name: 'Tea', price: '2.50' }], reason: 'Goodwill', messageId: 'mine' })
    client.track({ userId: 'u1', event: 'Viewed pricing', timestamp: at })
    expect(client.stats().queued).toBe(6)
    const pending = client.flush()
    await vi.runAllTimersAsync()
    expect(await pending).toEqual({ sent: 6, failed: 0, dropped: 0, pending: 0 })
    expect(crm.requests).toHaveLength(1)
    const events = crm.requests[0]!.events
    expect(events.map((event) => event.type)).toEqual(['user', 'purchase', 'event', 'refund', 'refund', 'event'])
    expect(new Set(events.map((event) => event.messageId)).size).toBe(6)
    expect(events[2]).toEqual({
      type: 'event',
      userId: 'u1',
      event: 'Opened support ticket',
      properties: { topic: 'billing' },
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: new Date(Date.now()).toISOString(),
    })
    // Money as trackPurchase sends it: the amount as given, the currency in upper case; stamped when tracked.
    expect(events[3]).toEqual({
      type: 'refund',
      refundId: 'r1',
      userId: 'u1',
      amount: '2.50',
      currency: 'USD',
      orderId: 'o1',
      messageId: expect.any(String),
      timestamp: expect.any(String),
    })
    expect(events[4]).toMatchObject({ messageId: 'mine', timestamp: '2026-11-20T09:30:00.000Z', items: [{ name: 'Tea', price: '2.50' }], reason: 'Goodwill' })
    expect(events[4]).not.toHaveProperty('orderId')
    expect(events[5]).toMatchObject({ type: 'event', timestamp: '2026-11-20T09:30:00.000Z' })
  })

  test('flushAt counts them like any event, and a full queue refuses them with a drop', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST, flushAt: 4, maxQueueEvents: 6 })
    const { drops } = recorded(client)
    const results = Array.from({ length: 8 }, (_, index) =>
      index % 2 ? client.trackRefund(refund(`r${index}`)) : client.track({ userId: 'u1', event: `Step ${index}` }),
    )
    expect(results).toEqual([true, true, true, true, true, true, false, false])
    expect(drops.map((drop) => drop.reason)).toEqual(['queue_full', 'queue_full'])
    await vi.advanceTimersByTimeAsync(0)
    expect(crm.requests.map((request) => request.events.map((event) => event.type))).toEqual([['event', 'refund', 'event', 'refund']])
  })

  test('the server refusing a refund for good (an over-refund) is reported as rejected, with its id', async () => {
    crm.reply = () => ({
      kind: 'store',
      reject: (event) => (event.refundId === 'r2' ? { code: 'validation_failed', message: 'amount: more than is left to refund' } : undefined),
    })
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const { errors, drops } = recorded(client)
    client.trackRefund(refund('r1', 'o1'))
    client.trackRefund({ ...refund('r2', 'o1'), messageId: 'over' })
    const pending = client.flush()
    await vi.runAllTimersAsync()
    expect(await pending).toEqual({ sent: 1, failed: 1, dropped: 0, pending: 0 })
    expect(drops).toEqual([{ reason: 'rejected', messageIds: ['over'], message: 'amount: more than is left to refund' }])
    expect(errors.map((error) => error.code)).toEqual(['validation_failed'])
  })
})

describe('batching triggers', () => {
  test('flushAt events leave at once; fewer wait for flushInterval', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST, flushAt: 10, flushInterval: 2000 })
    for (let index = 0; index < 13; index++) client.trackPurchase(purchase(`o${index}`))
    await vi.advanceTimersByTimeAsync(0)
    expect(crm.requests.map((request) => request.events.length)).toEqual([10])
    await vi.advanceTimersByTimeAsync(1900)
    expect(crm.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(crm.requests.map((request) => request.events.length)).toEqual([10, 3])
  })
})

describe('the queue bound', () => {
  test('a full queue refuses the new event: false, a drop event and a count in stats', () => {
    const client = createClient({ apiKey: API_KEY, host: HOST, maxQueueEvents: 5, flushAt: 50 })
    const { drops } = recorded(client)
    const results = Array.from({ length: 7 }, (_, index) => client.trackPurchase(purchase(`o${index}`)))
    expect(results).toEqual([true, true, true, true, true, false, false])
    expect(drops.map((drop) => drop.reason)).toEqual(['queue_full', 'queue_full'])
    expect(client.stats()).toMatchObject({ queued: 5, dropped: 2 })
  })

  test('the byte bound counts UTF-8 bytes; it applies when the events of the tick are serialized', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST, maxQueueBytes: 10_000 })
    const { drops } = recorded(client)
    const note = '日'.repeat(1000) // 3000 bytes, 1000 UTF-16 units
    for (let index = 0; index < 4; index++) client.trackUser({ userId: `u${index}`, traits: { note } })
    await Promise.resolve()
    expect(drops.map((drop) => drop.reason)).toEqual(['queue_full'])
    expect(client.stats()).toMatchObject({ queued: 3, dropped: 1 })
    expect(client.stats().queuedBytes).toBeLessThanOrEqual(10_000)
  })
})

test('an object the app reuses for its next call does not change the event already tracked', async () => {
  const client = createClient({ apiKey: API_KEY, host: HOST })
  const reused = purchase('o1')
  client.trackPurchase(reused)
  reused.orderId = 'o2'
  client.trackPurchase(reused)
  const pending = client.flush()
  await vi.runAllTimersAsync()
  await pending
  expect([...crm.stored.values()].map((event) => event.orderId)).toEqual(['o1', 'o2'])
})

describe('flush', () => {
  test('a second flush joins the running one: one delivery, both see it', async () => {
    crm.reply = ({ number }) => (number === 1 ? { kind: 'status', status: 503 } : { kind: 'store' })
    const client = createClient({ apiKey: API_KEY, host: HOST, retryDelay: 1000 })
    for (let index = 0; index < 5; index++) client.trackPurchase(purchase(`o${index}`))
    const first = client.flush()
    await vi.advanceTimersByTimeAsync(1)
    expect(crm.requests).toHaveLength(1)
    const second = client.flush()
    await vi.runAllTimersAsync()
    expect(await first).toEqual({ sent: 5, failed: 0, dropped: 0, pending: 0 })
    expect(await second).toEqual({ sent: 5, failed: 0, dropped: 0, pending: 0 })
    expect(crm.requests).toHaveLength(2)
  })

  test('resolves by its deadline with what is still pending, and delivery goes on', async () => {
    crm.reply = ({ number }) => (number <= 2 ? { kind: 'status', status: 503, headers: { 'retry-after': '30' } } : { kind: 'store' })
    const client = createClient({ apiKey: API_KEY, host: HOST })
    for (let index = 0; index < 5; index++) client.trackPurchase(purchase(`o${index}`))
    const flushed = client.flush({ timeout: 5000 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(await flushed).toEqual({ sent: 0, failed: 0, dropped: 0, pending: 5 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(client.stats()).toMatchObject({ sent: 5, queued: 0 })
  })

  test('flush with nothing queued resolves at once', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const pending = client.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(await pending).toEqual({ sent: 0, failed: 0, dropped: 0, pending: 0 })
  })

  test('waitUntil receives every delivery run, settled once the events are delivered', async () => {
    const runs: Promise<unknown>[] = []
    const client = createClient({ apiKey: API_KEY, host: HOST, waitUntil: (promise) => runs.push(promise) })
    client.trackPurchase(purchase('o1'))
    await vi.advanceTimersByTimeAsync(2000)
    expect(runs).toHaveLength(1)
    await vi.runAllTimersAsync()
    await runs[0]
    expect(crm.stored.size).toBe(1)
  })

  test('shutdown flushes, then refuses new events', async () => {
    const client = createClient({ apiKey: API_KEY, host: HOST })
    const { errors } = recorded(client)
    client.trackPurchase(purchase('o1'))
    const closing = client.shutdown()
    await vi.runAllTimersAsync()
    expect(await closing).toEqual({ sent: 1, failed: 0, dropped: 0, pending: 0 })
    expect(client.trackPurchase(purchase('o2'))).toBe(false)
    expect(errors.map((error) => error.code)).toEqual(['client_closed'])
  })
})
