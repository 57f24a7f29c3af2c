import { expect, test } from 'vitest'
import { validateCustomEvent } from './validate-custom-event'

const valid = { userId: 'u1', event: 'Opened support ticket' }

test('accepts contract events', () => {
  expect(validateCustomEvent(valid)).toBeUndefined()
  expect(validateCustomEvent({ ...valid, event: 'x'.repeat(200), properties: { topic: 'billing' }, timestamp: '2026-11-20T10:00:00' })).toBeUndefined()
})

test.each([
  [{ ...valid, userId: undefined }, 'userId must be a non-empty string'],
  [{ ...valid, event: '' }, 'event must be a non-empty string'],
  [{ ...valid, event: '   ' }, 'event must be a non-empty string'],
  [{ ...valid, event: 42 }, 'event must be a non-empty string'],
  [{ ...valid, properties: 'billing' }, 'properties must be an object'],
  [{ ...valid, properties: ['a'] }, 'properties must be an object'],
  [{ ...valid, timestamp: new Date(Number.NaN) }, 'timestamp must be an ISO 8601 date'],
])('refuses %o, naming the field', (input, message) => {
  expect(validateCustomEvent(input)).toContain(message)
})
