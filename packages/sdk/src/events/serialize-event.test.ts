import { expect, test } from 'vitest'
import { serializeEvent } from './serialize-event'

test('holds the wire JSON and its UTF-8 size, not its UTF-16 length', () => {
  const event = serializeEvent('user', { userId: 'u1', name: 'Zoë 🛒' }, 'm1', 0)
  expect(JSON.parse(event.body)).toEqual({ type: 'user', userId: 'u1', name: 'Zoë 🛒', messageId: 'm1' })
  expect(event.bytes).toBe(new TextEncoder().encode(event.body).length)
  expect(event.bytes).toBeGreaterThan(event.body.length)
})

test('refunds and custom events carry their type', () => {
  const refund = serializeEvent('refund', { refundId: 'r1', userId: 'u1', amount: 2, currency: 'usd' }, 'm2', 0)
  const event = serializeEvent('event', { userId: 'u1', event: 'Signed in' }, 'm3', 0)
  expect(JSON.parse(refund.body)).toMatchObject({ type: 'refund', refundId: 'r1', currency: 'USD', messageId: 'm2' })
  expect(JSON.parse(event.body)).toMatchObject({ type: 'event', event: 'Signed in', messageId: 'm3', timestamp: '1970-01-01T00:00:00.000Z' })
})
