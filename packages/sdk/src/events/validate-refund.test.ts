import { expect, test } from 'vitest'
import { validateRefund } from './validate-refund'

const valid = { refundId: 'r1', userId: 'u1', amount: 19.99, currency: 'USD' }

test('accepts contract refunds, of an order or of the customer alone', () => {
  expect(validateRefund(valid)).toBeUndefined()
  expect(validateRefund({ ...valid, amount: '19.99', currency: 'eur', orderId: 'o1', reason: 'Arrived broken' })).toBeUndefined()
  expect(validateRefund({ ...valid, items: [{ name: 'Tea', price: '4.50', quantity: 2 }], timestamp: new Date() })).toBeUndefined()
})

test.each([
  [{ ...valid, refundId: '' }, 'refundId must be a non-empty string'],
  [{ ...valid, refundId: undefined }, 'refundId must be a non-empty string'],
  [{ ...valid, userId: ' ' }, 'userId must be a non-empty string'],
  [{ ...valid, amount: Number.POSITIVE_INFINITY }, 'amount must be a number >= 0'],
  [{ ...valid, amount: -5 }, 'amount must be a number >= 0'],
  [{ ...valid, amount: '1,5' }, 'amount must be a number >= 0'],
  [{ ...valid, amount: 0 }, 'amount must be greater than 0'],
  [{ ...valid, amount: '0.00' }, 'amount must be greater than 0'],
  [{ ...valid, currency: 'XYZ' }, 'currency must be an ISO 4217 code'],
  [{ ...valid, orderId: '' }, 'orderId must be a non-empty string'],
  [{ ...valid, items: [] }, 'items must be a non-empty array'],
  [{ ...valid, timestamp: 'last week' }, 'timestamp must be an ISO 8601 date'],
])('refuses %o, naming the field', (refund, message) => {
  expect(validateRefund(refund)).toContain(message)
})
