import { describe, expect, it } from 'vitest'
import { seasonalStart } from './seasonal-start'

describe('seasonalStart', () => {
  it('recovers level slope and pattern of a clean additive series', () => {
    const pattern = [3, -1, -2, 0]
    const series = Array.from({ length: 8 }, (_, t) => 10 + t + (pattern[t % 4] as number))
    const start = seasonalStart(series, 4, 'additive')
    expect(start.trend).toBeCloseTo(1, 10)
    start.seasonals.forEach((value, k) => expect(value).toBeCloseTo(pattern[k] as number, 10))
  })
})
