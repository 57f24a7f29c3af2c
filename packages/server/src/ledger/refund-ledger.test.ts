import { describe, expect, it } from 'vitest'
import { dateOfDay } from '../calendar'
import { PurchaseColumns } from './purchase-columns'
import { RefundLedger } from './refund-ledger'

function run(...refunds: { at: string; amount: number; products?: number[] }[]): PurchaseColumns {
  const columns = new PurchaseColumns()
  refunds.forEach(({ at, amount, products = [] }, i) => {
    for (const product of products) columns.addItem(product, 1, amount / products.length)
    columns.addPurchase(Date.parse(at), i, amount, 0)
  })
  return columns
}

describe('RefundLedger', () => {
  it('keeps refunds sorted by their own time, appending or merging, with local days', () => {
    const refunds = new RefundLedger()
    refunds.add(run({ at: '2026-03-02T10:00:00Z', amount: 300 }, { at: '2026-01-31T22:30:00Z', amount: 100, products: [7] }), 'Europe/Moscow')
    expect([...refunds.amount]).toEqual([100, 300])
    expect([...refunds.day].map(dateOfDay)).toEqual(['2026-02-01', '2026-03-02'])
    refunds.add(run({ at: '2026-04-01T10:00:00Z', amount: 400 }), 'Europe/Moscow')
    refunds.add(run({ at: '2026-02-15T10:00:00Z', amount: 200, products: [8, 9] }), 'Europe/Moscow')
    expect([...refunds.amount]).toEqual([100, 200, 300, 400])
    expect([...refunds.itemProduct.subarray(refunds.itemStart[1]!, refunds.itemStart[2]!)]).toEqual([8, 9])
    expect(refunds.countUntil(Date.parse('2026-03-02T10:00:00Z'))).toBe(3)
    expect(refunds.firstIndexOfDay(refunds.day[2]!)).toBe(2)
    refunds.relocalize('UTC')
    expect(dateOfDay(refunds.day[0]!)).toBe('2026-01-31')
  })
})
