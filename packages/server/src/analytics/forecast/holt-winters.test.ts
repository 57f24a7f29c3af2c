import { describe, expect, it } from 'vitest'
import { readSeriesFixture } from '../../../test/fixtures/read-fixture'
import { fitHoltWinters } from './holt-winters'
import { meanAbsoluteScaledError } from './mase'
import { fitSeasonalNaive } from './seasonal-naive'

const wine = readSeriesFixture('wineind_monthly.csv', 'bottles')
const air = readSeriesFixture('airpassengers_monthly.csv', 'passengers')

function holdoutMase(series: number[], trainLength: number, forecast: (training: number[]) => number[]): number {
  const training = series.slice(0, trainLength)
  const test = series.slice(trainLength, trainLength + 24)
  return meanAbsoluteScaledError(test, forecast(training).slice(0, test.length), training, 12)
}

describe('Holt-Winters against R on holdouts of 24 months', () => {
  it('matches R on wineind (train 152) within 10%', () => {
    const additive = holdoutMase(wine, 152, (t) => fitHoltWinters(t, 12, { seasonality: 'additive' }).forecast(24))
    const multiplicative = holdoutMase(wine, 152, (t) => fitHoltWinters(t, 12, { seasonality: 'multiplicative' }).forecast(24))
    const naive = holdoutMase(wine, 152, (t) => fitSeasonalNaive(t, 12).forecast(24))
    expect(Math.abs(additive / 0.95 - 1)).toBeLessThan(0.1)
    expect(Math.abs(multiplicative / 0.776 - 1)).toBeLessThan(0.1)
    expect(naive).toBeCloseTo(0.919, 3)
  })

  it('matches R on AirPassengers (train 120) within 10%', () => {
    const additive = holdoutMase(air, 120, (t) => fitHoltWinters(t, 12, { seasonality: 'additive' }).forecast(24))
    const naive = holdoutMase(air, 120, (t) => fitSeasonalNaive(t, 12).forecast(24))
    expect(Math.abs(additive / 1.092 - 1)).toBeLessThan(0.1)
    expect(naive).toBeCloseTo(2.494, 3)
  })
})

describe('fitHoltWinters', () => {
  it('continues a clean trend with a fixed seasonal pattern', () => {
    const pattern = [5, -3, 0, -2]
    const series = Array.from({ length: 40 }, (_, t) => 100 + 2 * t + (pattern[t % 4] as number))
    const model = fitHoltWinters(series, 4, { seasonality: 'additive' })
    const expected = Array.from({ length: 8 }, (_, h) => 100 + 2 * (40 + h) + (pattern[(40 + h) % 4] as number))
    model.forecast(8).forEach((value, h) => expect(value).toBeCloseTo(expected[h] as number, 1))
  })

  it('keeps a damped trend below the undamped one far ahead', () => {
    const series = Array.from({ length: 48 }, (_, t) => 50 + 3 * t + 10 * Math.sin((2 * Math.PI * t) / 12))
    const undamped = fitHoltWinters(series, 12, { seasonality: 'additive' }).forecast(36)
    const damped = fitHoltWinters(series, 12, { seasonality: 'additive', damped: true })
    expect(damped.smoothing.phi).toBeLessThan(1)
    expect(damped.forecast(36)[35]).toBeLessThan(undamped[35] as number)
  })

  it('gives errors that grow with the horizon', () => {
    const errors = fitHoltWinters(air.slice(0, 120), 12, { seasonality: 'multiplicative' }).forecastStandardErrors(24)
    expect(errors[0]).toBeGreaterThan(0)
    expect(errors[23]).toBeGreaterThan(errors[0] as number)
  })

  it('refuses short or non-positive histories', () => {
    expect(() => fitHoltWinters(wine.slice(0, 24), 12, { seasonality: 'additive' })).toThrow(RangeError)
    expect(() => fitHoltWinters([0, ...wine.slice(0, 40)], 12, { seasonality: 'multiplicative' })).toThrow(RangeError)
  })
})
