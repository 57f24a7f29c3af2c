import { describe, expect, it } from 'vitest'
import { centredMovingAverage, seasonalStart } from './seasonal-start'

describe('centredMovingAverage', () => {
  it('averages a window of one period, half weights at the ends for an even period', () => {
    expect(centredMovingAverage([1, 2, 3, 4, 5], 3)).toEqual([Number.NaN, 2, 3, 4, Number.NaN])
    const even = centredMovingAverage([1, 3, 1, 3, 1, 3], 2)
    expect(even.slice(1, 5)).toEqual([2, 2, 2, 2])
  })
})

describe('seasonalStart', () => {
  it('recovers level slope and pattern of a clean additive series', () => {
    const pattern = [3, -1, -2, 0]
    const series = Array.from({ length: 8 }, (_, t) => 10 + t + (pattern[t % 4] as number))
    const start = seasonalStart(series, 4, 'additive')
    expect(start.trend).toBeCloseTo(1, 10)
    start.seasonals.forEach((value, k) => expect(value).toBeCloseTo(pattern[k] as number, 10))
  })
})
