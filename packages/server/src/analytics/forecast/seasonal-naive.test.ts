import { describe, expect, it } from 'vitest'
import { fitSeasonalNaive } from './seasonal-naive'

describe('fitSeasonalNaive', () => {
  it('repeats the last season', () => {
    expect(fitSeasonalNaive([1, 2, 3, 4, 5, 6], 3).forecast(5)).toEqual([4, 5, 6, 4, 5])
  })

  it('widens its errors with each season ahead', () => {
    const errors = fitSeasonalNaive([1, 2, 3, 2, 3, 4, 3, 4, 5], 3).forecastStandardErrors(7)
    expect(errors[0]).toBeCloseTo(1, 12)
    expect(errors[2]).toBeCloseTo(1, 12)
    expect(errors[3]).toBeCloseTo(Math.SQRT2, 12)
    expect(errors[6]).toBeCloseTo(Math.sqrt(3), 12)
  })

  it('needs a season of history', () => {
    expect(() => fitSeasonalNaive([1, 2], 3)).toThrow(RangeError)
  })
})
