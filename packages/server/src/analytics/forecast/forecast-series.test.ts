import { describe, expect, it } from 'vitest'
import { readSeriesFixture } from '../../../test/fixtures/read-fixture'
import { normalFrom, seededRandom } from '../../../test/fixtures/seeded-random'
import { forecastSeries } from './forecast-series'
import { meanAbsoluteScaledError } from './mase'
import { fitSeasonalNaive } from './seasonal-naive'

function beatsSeasonalNaiveOnHoldout(series: number[], trainLength: number): { chosen: number; naive: number; method: string } {
  const training = series.slice(0, trainLength)
  const test = series.slice(trainLength, trainLength + 24)
  const { forecast, reason } = forecastSeries(training, 12, 24)
  if (!forecast) throw new Error(reason)
  return {
    method: forecast.method,
    chosen: meanAbsoluteScaledError(test, forecast.points.map((point) => point.value), training, 12),
    naive: meanAbsoluteScaledError(test, fitSeasonalNaive(training, 12).forecast(24), training, 12),
  }
}

describe('forecastSeries', () => {
  it('chooses a method that beats seasonal naive on the wineind holdout', () => {
    const result = beatsSeasonalNaiveOnHoldout(readSeriesFixture('wineind_monthly.csv', 'bottles'), 152)
    expect(result.method).not.toBe('seasonal-naive')
    expect(result.chosen).toBeLessThan(result.naive)
  })

  it('chooses a method that beats seasonal naive on the AirPassengers holdout', () => {
    const result = beatsSeasonalNaiveOnHoldout(readSeriesFixture('airpassengers_monthly.csv', 'passengers'), 120)
    expect(result.method).not.toBe('seasonal-naive')
    expect(result.chosen).toBeLessThan(result.naive)
  })

  it('gives points inside intervals that widen with the horizon', () => {
    const { forecast } = forecastSeries(readSeriesFixture('airpassengers_monthly.csv', 'passengers'), 12, 12)
    expect(forecast?.points).toHaveLength(12)
    expect(forecast?.level).toBe(0.95)
    for (const point of forecast?.points ?? []) {
      expect(point.lower).toBeLessThan(point.value)
      expect(point.upper).toBeGreaterThan(point.value)
    }
    const first = forecast?.points[0]
    const last = forecast?.points[11]
    expect((last?.upper ?? 0) - (last?.lower ?? 0)).toBeGreaterThan((first?.upper ?? 0) - (first?.lower ?? 0))
  })

  it('says so when nothing beats seasonal naive', () => {
    // Three noisy seasons, then the same season over and over: seasonal naive is exact in every backtest window.
    const random = seededRandom(7)
    const pattern = Array.from({ length: 12 }, (_, t) => 1000 + 100 * Math.sin((2 * Math.PI * t) / 12))
    const series = Array.from({ length: 84 }, (_, t) => (pattern[t % 12] as number) + (t < 36 ? 80 * normalFrom(random) : 0))
    const { forecast } = forecastSeries(series, 12, 12)
    expect(forecast?.method).toBe('seasonal-naive')
    expect(forecast?.beatsSeasonalNaive).toBe(false)
    expect(forecast?.note).toMatch(/no method beat seasonal naive/)
  })

  it('returns null with a reason below two seasons of history', () => {
    const outcome = forecastSeries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 12, 6)
    expect(outcome.forecast).toBeNull()
    expect(outcome.reason).toMatch(/two seasons/)
  })
})
