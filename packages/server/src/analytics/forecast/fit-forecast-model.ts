import type { ForecastMethod, ForecastModel } from './forecast-model'
import { fitHoltWinters } from './holt-winters'
import { fitSeasonalNaive } from './seasonal-naive'

export const FORECAST_METHODS: readonly ForecastMethod[] = [
  'seasonal-naive',
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'holt-winters-additive-damped',
  'holt-winters-multiplicative-damped',
]

/**
 * Fits the named method; throws a RangeError when the history does not suit it (too short, or not positive for
 * multiplicative seasonality).
 *
 * @example
 * fitForecastModel('holt-winters-additive', monthlySales, 12).forecast(6)
 */
export function fitForecastModel(method: ForecastMethod, history: readonly number[], period: number): ForecastModel {
  switch (method) {
    case 'seasonal-naive':
      return fitSeasonalNaive(history, period)
    case 'holt-winters-additive':
      return fitHoltWinters(history, period, { seasonality: 'additive' })
    case 'holt-winters-multiplicative':
      return fitHoltWinters(history, period, { seasonality: 'multiplicative' })
    case 'holt-winters-additive-damped':
      return fitHoltWinters(history, period, { seasonality: 'additive', damped: true })
    case 'holt-winters-multiplicative-damped':
      return fitHoltWinters(history, period, { seasonality: 'multiplicative', damped: true })
  }
}
