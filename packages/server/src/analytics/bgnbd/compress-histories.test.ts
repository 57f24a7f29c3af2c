import { describe, expect, it } from 'vitest'
import { compressHistories } from './compress-histories'

describe('compressHistories', () => {
  it('folds identical histories into weighted rows over tables of distinct times', () => {
    const data = compressHistories([
      { frequency: 0, recency: 0, age: 10 },
      { frequency: 2, recency: 5, age: 10 },
      { frequency: 0, recency: 0, age: 10 },
      { frequency: 2, recency: 5, age: 12 },
    ])
    expect(data.customers).toBe(4)
    expect(data.repeatCustomers).toBe(2)
    expect([...data.weights]).toEqual([2, 1, 1])
    expect([...data.distinctAges]).toEqual([10, 12])
    expect([...data.distinctRecencies]).toEqual([0, 5])
    expect([...data.distinctFrequencies]).toEqual([0, 2])
    expect([...data.ageIndex]).toEqual([0, 0, 1])
  })
})
