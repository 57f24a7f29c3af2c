import { describe, expect, it } from 'vitest'
import { periodChange, seriesPeriodChange } from './period-change'

describe('period over period change', () => {
  it('gives absolute and relative change', () => {
    expect(periodChange(120, 100)).toEqual({ current: 120, previous: 100, change: 20, relativeChange: 0.2 })
    expect(periodChange(-50, -100).relativeChange).toBe(0.5)
    expect(periodChange(10, 0).relativeChange).toBeNull()
  })

  it('compares the last point with the one a lag before', () => {
    const monthly = Array.from({ length: 13 }, (_, t) => 100 + t)
    expect(seriesPeriodChange(monthly, 12)?.change).toBe(12)
    expect(seriesPeriodChange(monthly, 13)).toBeNull()
  })
})
