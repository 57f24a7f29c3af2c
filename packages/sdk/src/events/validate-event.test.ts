import { expect, test } from 'vitest'
import { validateEvent } from './validate-event'

test('checks the kind of event and a given messageId', () => {
  expect(validateEvent('user', { userId: 'u1', messageId: 'm1' })).toBeUndefined()
  expect(validateEvent('user', { userId: 'u1', messageId: 42 })).toBe('messageId must be a non-empty string')
  expect(validateEvent('purchase', { userId: 'u1' })).toBe('orderId must be a non-empty string')
  expect(validateEvent('refund', { userId: 'u1' })).toBe('refundId must be a non-empty string')
  expect(validateEvent('event', { userId: 'u1' })).toBe('event must be a non-empty string')
  expect(validateEvent('event', { userId: 'u1', event: 'Signed in', messageId: '' })).toBe('messageId must be a non-empty string')
  expect(validateEvent('user', null)).toBe('the user must be an object')
  expect(validateEvent('purchase', [])).toBe('the purchase must be an object')
  expect(validateEvent('refund', 'r1')).toBe('the refund must be an object')
  expect(validateEvent('event', 'Viewed pricing')).toBe('the event must be an object')
})
