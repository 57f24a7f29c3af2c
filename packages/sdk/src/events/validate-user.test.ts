import { expect, test } from 'vitest'
import { validateUser } from './validate-user'

test('accepts contract users', () => {
  expect(validateUser({ userId: 'u1' })).toBeUndefined()
  expect(validateUser({ userId: 'u1', name: 'Ann', email: 'a@b.c', traits: { plan: 'pro' }, createdAt: '2026-01-01T00:00:00Z' })).toBeUndefined()
})

test.each([
  [{}, 'userId must be a non-empty string'],
  [{ userId: '   ' }, 'userId must be a non-empty string'],
  [{ userId: 'u1', traits: 'pro' }, 'traits must be an object'],
  [{ userId: 'u1', createdAt: 'not a date' }, 'createdAt must be an ISO 8601 date'],
  [{ userId: 'u1', createdAt: new Date(Number.NaN) }, 'createdAt must be an ISO 8601 date'],
])('refuses %o with a clear message', (user, message) => {
  expect(validateUser(user)).toContain(message)
})
