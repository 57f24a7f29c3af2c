import { expect, test } from 'vitest'
import { toPurchaseEvent, toUserEvent } from './wire-event'

test('a purchase is stamped with the tracking time and an upper-case currency', () => {
  const now = Date.parse('2026-11-21T10:00:00Z')
  expect(toPurchaseEvent({ orderId: 'o1', userId: 'u1', amount: 5, currency: 'usd', product: 'Tea' }, 'm1', now)).toEqual({
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

test('dates become ISO 8601 UTC and the given messageId is kept', () => {
  const event = toUserEvent({ userId: 'u1', createdAt: new Date('2026-01-02T03:04:05+02:00'), messageId: 'mine' }, 'mine')
  expect(event).toEqual({ type: 'user', userId: 'u1', messageId: 'mine', createdAt: '2026-01-02T01:04:05.000Z' })
  expect(JSON.stringify(toUserEvent({ userId: 'u1' }, 'm'))).toBe('{"type":"user","userId":"u1","messageId":"m"}')
})
