import { describe, expect, it } from 'vitest'
import { median, medianAbsoluteDeviation } from './median'

describe('median', () => {
  it('takes the middle value or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([3, 1, 2, 10])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('medianAbsoluteDeviation', () => {
  it('ignores a single outlier', () => {
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1)
  })
})
