import { describe, expect, it } from 'vitest'
import { readSeriesFixture } from '../../../test/fixtures/read-fixture'
import { mannKendall } from './mann-kendall'

describe('mannKendall', () => {
  it('reproduces the reference figures on wineind', () => {
    const result = mannKendall(readSeriesFixture('wineind_monthly.csv', 'bottles'))
    expect(result.statistic).toBe(2435)
    expect(result.z).toBeCloseTo(3.114, 3)
    expect(result.pValue).toBeCloseTo(0.00184, 5)
    expect(result.direction).toBe('increasing')
  })

  it('corrects the variance for ties', () => {
    // n = 5 with one pair tied: (5·4·15 − 2·1·9) / 18 = 282/18.
    const result = mannKendall([1, 2, 2, 3, 4])
    expect(result.variance).toBeCloseTo(282 / 18, 12)
    expect(result.statistic).toBe(9)
  })

  it('finds no trend in a flat or alternating series', () => {
    expect(mannKendall([5, 5, 5, 5]).direction).toBe('none')
    expect(mannKendall([1, 3, 1, 3, 1, 3, 1, 3]).direction).toBe('none')
    expect(mannKendall([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).direction).toBe('decreasing')
  })
})
