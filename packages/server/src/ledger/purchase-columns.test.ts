import { describe, expect, it } from 'vitest'
import { PurchaseColumns } from './purchase-columns'

function columnsOf(purchases: { ts: number; items: number[] }[]): PurchaseColumns {
  const columns = new PurchaseColumns()
  purchases.forEach(({ ts, items }, i) => {
    for (const product of items) columns.addItem(product, 1, product * 100)
    columns.addPurchase(ts, i, ts * 10, 0)
  })
  return columns
}

describe('PurchaseColumns', () => {
  it('grows past its capacity without losing what it holds', () => {
    const columns = columnsOf(Array.from({ length: 100 }, (_, i) => ({ ts: i, items: i % 3 === 0 ? [1, 2] : [3] })))
    expect(columns.size).toBe(100)
    expect(columns.ts.length).toBeGreaterThanOrEqual(100)
    expect(columns.itemSize).toBe(134)
    expect([...columns.ts.subarray(0, 5)]).toEqual([0, 1, 2, 3, 4])
    expect([...columns.itemProduct.subarray(columns.itemStart[99]!, columns.itemStart[100]!)]).toEqual([1, 2])
  })

  it('appends another set of columns, shifting its item offsets', () => {
    const held = columnsOf([{ ts: 1, items: [1, 2] }])
    held.append(columnsOf([{ ts: 2, items: [3] }, { ts: 3, items: [4, 5] }]))
    expect([...held.ts.subarray(0, held.size)]).toEqual([1, 2, 3])
    expect([...held.itemStart.subarray(0, held.size + 1)]).toEqual([0, 2, 3, 5])
    expect([...held.itemProduct.subarray(0, held.itemSize)]).toEqual([1, 2, 3, 4, 5])
  })

  it('sorts by time, keeping ties in their order and each purchase with its items', () => {
    const columns = columnsOf([{ ts: 5, items: [1] }, { ts: 2, items: [2, 3] }, { ts: 5, items: [4] }, { ts: 1, items: [] }])
    const sorted = columns.sortedByTime()
    expect(sorted).not.toBe(columns)
    expect([...sorted.ts.subarray(0, sorted.size)]).toEqual([1, 2, 5, 5])
    expect([...sorted.customer.subarray(0, sorted.size)]).toEqual([3, 1, 0, 2])
    expect([...sorted.itemStart.subarray(0, sorted.size + 1)]).toEqual([0, 0, 2, 3, 4])
    expect([...sorted.itemProduct.subarray(0, sorted.itemSize)]).toEqual([2, 3, 1, 4])
    expect(sorted.sortedByTime()).toBe(sorted)
  })
})
