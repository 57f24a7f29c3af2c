import { expect, test } from 'vitest'
import { toTimedEvent, toUserEvent } from './wire-event'

const now = Date.parse('2026-11-21T10:00:00Z')

test('a purchase is stamped with the tracking time and an upper-case currency', () => {
  expect(toTimedEvent('purchase', { orderId: 'o1', userId: 'u1', amount: 5, currency: 'usd', product: 'Tea' }, 'm1', now)).toEqual({
    type: 'purchase',
    messageId: 'm1',
    orderId: 'o1',
    userId: 'u1',
    amount: 5,
    currency: 'USD',
    product: 'Tea',
    timestamp: '2026-11-21T10:00:00.000Z',
  })
})

test('a refund likewise; its amount goes as given, like a purchase’s', () => {
  const refund = toTimedEvent('refund', { refundId: 'r1', userId: 'u1', amount: '4.50', currency: 'eur', orderId: 'o1', reason: 'Broken' }, 'm2', now)
  expect(JSON.parse(JSON.stringify(refund))).toEqual({
    type: 'refund',
    messageId: 'm2',
    refundId: 'r1',
    userId: 'u1',
    amount: '4.50',
    currency: 'EUR',
    orderId: 'o1',
    reason: 'Broken',
    timestamp: '2026-11-21T10:00:00.000Z',
  })
})

test('a custom event is stamped and carries no currency', () => {
  const event = toTimedEvent('event', { userId: 'u1', event: 'Viewed pricing', properties: { plan: 'pro' } }, 'm3', now)
  expect(JSON.stringify(event)).toBe(
    '{"type":"event","userId":"u1","event":"Viewed pricing","properties":{"plan":"pro"},"messageId":"m3","timestamp":"2026-11-21T10:00:00.000Z"}',
  )
})

test('a Date becomes ISO 8601 UTC, a string goes as given, and the given messageId is kept', () => {
  const event = toUserEvent({ userId: 'u1', createdAt: new Date('2026-01-02T03:04:05+02:00'), messageId: 'mine' }, 'mine')
  expect(event).toEqual({ type: 'user', userId: 'u1', messageId: 'mine', createdAt: '2026-01-02T01:04:05.000Z' })
  // Without an offset the server reads it in the app's time zone, not the tracking machine's.
  const purchase = toTimedEvent('purchase', { orderId: 'o1', userId: 'u1', amount: 1, currency: 'USD', product: 'Tea', timestamp: '2026-11-20T10:00:00' }, 'm', 0)
  expect(purchase).toMatchObject({ timestamp: '2026-11-20T10:00:00' })
  const refund = toTimedEvent('refund', { refundId: 'r1', userId: 'u1', amount: 1, currency: 'USD', timestamp: new Date('2026-11-20T10:00:00+01:00') }, 'm', 0)
  expect(refund).toMatchObject({ timestamp: '2026-11-20T09:00:00.000Z' })
  expect(JSON.stringify(toUserEvent({ userId: 'u1' }, 'm'))).toBe('{"type":"user","userId":"u1","messageId":"m"}')
})
