import { describe, expect, it } from 'vitest'
import { centredMovingAverage } from './centred-moving-average'

describe('centredMovingAverage', () => {
  it('averages a window of one period, half weights at the ends for an even period', () => {
    expect(centredMovingAverage([1, 2, 3, 4, 5], 3)).toEqual([Number.NaN, 2, 3, 4, Number.NaN])
    const even = centredMovingAverage([1, 3, 1, 3, 1, 3], 2)
    expect(even.slice(1, 5)).toEqual([2, 2, 2, 2])
  })
})
