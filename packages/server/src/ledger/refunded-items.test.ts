import { describe, expect, it } from 'vitest'
import { refundedItems } from './refunded-items'

const order = JSON.stringify([
  { productId: 'tea', name: 'Tea', quantity: 4, price: 500 },
  { productId: null, name: 'Cup', quantity: 1, price: 1000 },
])

describe('refundedItems', () => {
  it('takes the items a refund names, price × quantity', () => {
    expect(refundedItems(700, JSON.stringify([{ productId: 'tea', name: 'Tea', quantity: 2, price: 350 }]), 3000, null)).toEqual([
      { key: 'tea', name: 'Tea', quantity: 2, revenue: 700 },
    ])
  })

  it('spreads a refund of an order without items over its items by their share of the order', () => {
    expect(refundedItems(1500, null, 3000, order)).toEqual([
      { key: 'tea', name: 'Tea', quantity: 0, revenue: 1000 },
      { key: 'Cup', name: 'Cup', quantity: 0, revenue: 500 },
    ])
  })

  it('gives the quantities back with a refund of the whole order', () => {
    expect(refundedItems(3000, null, 3000, order)).toEqual([
      { key: 'tea', name: 'Tea', quantity: 4, revenue: 2000 },
      { key: 'Cup', name: 'Cup', quantity: 1, revenue: 1000 },
    ])
  })

  it('takes nothing off products for a refund of the customer alone without items', () => {
    expect(refundedItems(1500, null, null, null)).toEqual([])
  })
})
