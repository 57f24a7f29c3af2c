import { expect, test } from 'vitest'
import { validatePurchase } from './validate-purchase'

const now = Date.parse('2026-11-21T10:00:00Z')
const valid = { orderId: 'o1', userId: 'u1', amount: 19.99, currency: 'USD', product: 'Tea' }

test('accepts contract purchases', () => {
  expect(validatePurchase(valid, now)).toBeUndefined()
  expect(validatePurchase({ ...valid, amount: '19.99', currency: 'eur' }, now)).toBeUndefined()
  expect(
    validatePurchase({ ...valid, product: undefined, items: [{ name: 'Tea', price: 5, quantity: 2 }], timestamp: new Date(now) }, now),
  ).toBeUndefined()
})

test.each([
  [{ ...valid, orderId: '' }, 'orderId must be a non-empty string'],
  [{ ...valid, userId: undefined }, 'userId must be a non-empty string'],
  [{ ...valid, amount: Number.POSITIVE_INFINITY }, 'amount must be an amount >= 0'],
  [{ ...valid, amount: Number.NaN }, 'amount must be an amount >= 0'],
  [{ ...valid, amount: '1,5' }, 'amount must be an amount >= 0'],
  [{ ...valid, amount: -1 }, 'amount must be an amount >= 0'],
  [{ ...valid, currency: 'XYZ' }, 'currency must be an ISO 4217 code'],
  [{ ...valid, currency: 5 }, 'currency must be an ISO 4217 code'],
  [{ ...valid, product: undefined }, 'a purchase needs product or items'],
  [{ ...valid, items: [] }, 'items must be a non-empty array'],
  [{ ...valid, items: [{ name: 'Tea', price: Number.POSITIVE_INFINITY }] }, 'items.0.price must be an amount'],
  [{ ...valid, items: [{ name: 'Tea', price: 1, quantity: 0.5 }] }, 'items.0.quantity must be a positive integer'],
  [{ ...valid, timestamp: 'yesterday' }, 'timestamp must be an ISO 8601 date'],
  [{ ...valid, timestamp: new Date(now + 25 * 3600_000) }, 'timestamp may not be more than 24 h ahead'],
  [{ ...valid, properties: [1] }, 'properties must be an object'],
  [null, 'a purchase must be an object'],
])('refuses %o with a clear message', (purchase, message) => {
  expect(validatePurchase(purchase, now)).toContain(message)
})
