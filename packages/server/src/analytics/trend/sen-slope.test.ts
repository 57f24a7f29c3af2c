import { describe, expect, it } from 'vitest'
import { readSeriesFixture } from '../../../test/fixtures/read-fixture'
import { senSlope } from './sen-slope'

describe('senSlope', () => {
  it('reproduces the reference slope on wineind', () => {
    expect(senSlope(readSeriesFixture('wineind_monthly.csv', 'bottles'))).toBeCloseTo(23.71, 2)
  })

  it('shrugs off an outlier', () => {
    expect(senSlope([1, 2, 3, 100, 5])).toBe(1)
    expect(senSlope([10, 8, 6, 4])).toBe(-2)
  })
})
