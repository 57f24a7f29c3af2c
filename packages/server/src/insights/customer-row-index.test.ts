import { describe, expect, it } from 'vitest'
import { customerRowIndex } from './customer-row-index'

describe('customerRowIndex', () => {
  it('finds a row id among ascending ones, and nothing for one not there', () => {
    expect([3, 8, 12, 40].map((rowId) => customerRowIndex([3, 8, 12, 40], rowId))).toEqual([0, 1, 2, 3])
    expect([1, 9, 41].map((rowId) => customerRowIndex(Int32Array.of(3, 8, 12, 40), rowId))).toEqual([undefined, undefined, undefined])
    expect(customerRowIndex([], 1)).toBeUndefined()
  })
})
