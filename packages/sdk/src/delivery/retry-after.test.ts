import { expect, test } from 'vitest'
import { parseRetryAfter } from './retry-after'

const now = Date.parse('2026-11-21T10:00:00Z')

test('reads delay-seconds', () => {
  expect(parseRetryAfter('3', now)).toBe(3000)
  expect(parseRetryAfter('0', now)).toBe(0)
  expect(parseRetryAfter('1.5', now)).toBe(1500)
})

test('reads an HTTP date relative to now, never negative', () => {
  expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:07 GMT', now)).toBe(7000)
  expect(parseRetryAfter('Sat, 21 Nov 2026 09:59:00 GMT', now)).toBe(0)
})

test('ignores a missing or unreadable header', () => {
  expect(parseRetryAfter(null, now)).toBeUndefined()
  expect(parseRetryAfter('', now)).toBeUndefined()
  expect(parseRetryAfter('soon', now)).toBeUndefined()
})
