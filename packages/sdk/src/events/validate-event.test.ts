import { expect, test } from 'vitest'
import { validateEvent } from './validate-event'

test('checks the kind of event and a given messageId', () => {
  expect(validateEvent('user', { userId: 'u1', messageId: 'm1' })).toBeUndefined()
  expect(validateEvent('user', { userId: 'u1', messageId: 42 })).toBe('messageId must be a non-empty string')
  expect(validateEvent('purchase', { userId: 'u1' })).toBe('orderId must be a non-empty string')
  expect(validateEvent('user', null)).toBe('a user must be an object')
})
