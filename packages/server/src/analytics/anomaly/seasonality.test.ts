import { describe, expect, it } from 'vitest'
import { readSeriesFixture } from '../../../test/fixtures/read-fixture'
import { normalFrom, seededRandom } from '../../../test/fixtures/seeded-random'
import { autocorrelation, detectSeasonality } from './seasonality'

describe('autocorrelation', () => {
  it('is 1-ish at the period of an alternating series and negative at half of it', () => {
    const alternating = [1, -1, 1, -1, 1, -1]
    expect(autocorrelation(alternating, 2)).toBeCloseTo(4 / 6, 12)
    expect(autocorrelation(alternating, 1)).toBeCloseTo(-5 / 6, 12)
  })
})

describe('detectSeasonality', () => {
  const random = seededRandom(11)

  it('finds a weekly pattern in daily data', () => {
    const weekday = [1.3, 1.1, 1, 1, 1.2, 0.7, 0.5]
    const daily = Array.from({ length: 140 }, (_, t) => 100 * (weekday[t % 7] as number) + 0.5 * t + 8 * normalFrom(random))
    expect(detectSeasonality(daily, 7).seasonal).toBe(true)
  })

  it('finds the yearly pattern of monthly airline passengers and wine sales', () => {
    expect(detectSeasonality(readSeriesFixture('airpassengers_monthly.csv', 'passengers'), 12).seasonal).toBe(true)
    expect(detectSeasonality(readSeriesFixture('wineind_monthly.csv', 'bottles'), 12).seasonal).toBe(true)
  })

  it('finds none in noise on a trend, nor in too short a history', () => {
    const trending = Array.from({ length: 140 }, (_, t) => 100 + 2 * t + 10 * normalFrom(random))
    expect(detectSeasonality(trending, 7).seasonal).toBe(false)
    expect(detectSeasonality(trending.slice(0, 20), 7)).toMatchObject({ seasonal: false })
  })
})
