import { expect, test } from 'vitest'
import { validatePurchase } from './validate-purchase'

const now = Date.parse('2026-11-21T10:00:00Z')
const valid = { orderId: 'o1', userId: 'u1', amount: 19.99, currency: 'USD', product: 'Tea' }

test('accepts contract purchases', () => {
  expect(validatePurchase(valid)).toBeUndefined()
  expect(validatePurchase({ ...valid, amount: '19.99', currency: 'eur' })).toBeUndefined()
  expect(
    validatePurchase({ ...valid, product: undefined, items: [{ name: 'Tea', price: 5, quantity: 2 }], timestamp: new Date(now) }),
  ).toBeUndefined()
})

test.each([
  [{ ...valid, orderId: '' }, 'orderId must be a non-empty string'],
  [{ ...valid, userId: undefined }, 'userId must be a non-empty string'],
  [{ ...valid, amount: Number.POSITIVE_INFINITY }, 'amount must be a number >= 0'],
  [{ ...valid, amount: Number.NaN }, 'amount must be a number >= 0'],
  [{ ...valid, amount: '1,5' }, 'amount must be a number >= 0'],
  [{ ...valid, amount: -1 }, 'amount must be a number >= 0'],
  [{ ...valid, currency: 'XYZ' }, 'currency must be an ISO 4217 code'],
  [{ ...valid, currency: 5 }, 'currency must be an ISO 4217 code'],
  [{ ...valid, product: undefined }, 'a purchase needs product or items'],
  [{ ...valid, items: [] }, 'items must be a non-empty array'],
  [{ ...valid, timestamp: 'yesterday' }, 'timestamp must be an ISO 8601 date'],
  [{ ...valid, properties: [1] }, 'properties must be an object'],
])('refuses %o with a clear message', (purchase, message) => {
  expect(validatePurchase(purchase)).toContain(message)
})
