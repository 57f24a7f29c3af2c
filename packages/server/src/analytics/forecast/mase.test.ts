import { describe, expect, it } from 'vitest'
import { meanAbsoluteScaledError, seasonalNaiveScale } from './mase'

describe('MASE', () => {
  it('scales by the in-sample seasonal naive error', () => {
    // Seasonal differences with period 2: |3-1|, |4-2|, |7-3| → mean 8/3.
    expect(seasonalNaiveScale([1, 2, 3, 4, 7], 2)).toBeCloseTo(8 / 3, 12)
    expect(meanAbsoluteScaledError([10, 20], [12, 16], [1, 2, 3, 4, 7], 2)).toBeCloseTo(3 / (8 / 3), 12)
  })
})
