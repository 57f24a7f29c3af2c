import { describe, expect, it } from 'vitest'
import { lowerBound, upperBound } from './sorted-search'

describe('upperBound and lowerBound', () => {
  const values = Float64Array.of(1, 2, 2, 5, 99)
  it('find the ends of a run of equal values, within the used size only', () => {
    expect(upperBound(values, 4, 2)).toBe(3)
    expect(lowerBound(values, 4, 2)).toBe(1)
    expect(upperBound(values, 4, 100)).toBe(4)
    expect(lowerBound(values, 4, 0)).toBe(0)
    expect(lowerBound(Int32Array.of(), 0, 3)).toBe(0)
  })
})
