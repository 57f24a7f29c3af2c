import { expect, test } from 'vitest'
import { serializeEvent } from './serialize-event'

test('holds the wire JSON and its UTF-8 size, not its UTF-16 length', () => {
  const event = serializeEvent('user', { userId: 'u1', name: 'Zoë 🛒' }, 'm1', 0)
  expect(JSON.parse(event.body)).toEqual({ type: 'user', userId: 'u1', name: 'Zoë 🛒', messageId: 'm1' })
  expect(event.bytes).toBe(new TextEncoder().encode(event.body).length)
  expect(event.bytes).toBeGreaterThan(event.body.length)
})
