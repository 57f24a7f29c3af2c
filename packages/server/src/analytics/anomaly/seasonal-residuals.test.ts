import { describe, expect, it } from 'vitest'
import { seasonalResiduals } from './seasonal-residuals'

describe('seasonalResiduals', () => {
  it('explains a trend with a weekly pattern, leaving an injected spike as the residual', () => {
    const pattern = [10, 5, 0, 0, 5, -10, -10]
    const series = Array.from({ length: 56 }, (_, t) => 200 + t + (pattern[t % 7] as number))
    series[30] = (series[30] as number) + 80
    const { residuals } = seasonalResiduals(series, 7)
    const largest = residuals.reduce((best, value, t) => (Math.abs(value) > Math.abs(residuals[best] as number) ? t : best), 0)
    expect(largest).toBe(30)
    expect(residuals[30]).toBeGreaterThan(60)
    expect(Math.abs(residuals[10] as number)).toBeLessThan(15)
  })

  it('falls back to the median without two seasons', () => {
    expect(seasonalResiduals([1, 2, 9], 7).expected).toEqual([2, 2, 2])
  })
})
