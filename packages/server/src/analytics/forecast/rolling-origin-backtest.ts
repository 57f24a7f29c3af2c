import type { ForecastMethod } from './forecast-model'
import { fitForecastModel } from './fit-forecast-model'
import { meanAbsoluteScaledError } from './mase'

export interface BacktestOptions {
  /** Steps forecast from each origin. */
  horizon: number
  /** Number of forecast origins, the last one `horizon` steps before the end. Default one per step of a season. */
  origins?: number
  /** Steps between consecutive origins. Default 1. */
  spacing?: number
  /** Shortest training window allowed. Default two seasons and one step, what Holt-Winters needs. */
  minTraining?: number
}

export interface BacktestScore {
  method: ForecastMethod
  /** Mean over origins of the MASE of the forecast from that origin. */
  mase: number
  origins: number
}

/** The training lengths at which a rolling-origin backtest of this series forecasts. */
export function backtestOrigins(length: number, period: number, options: BacktestOptions): number[] {
  // One origin per position in the season, so no month (or weekday) of the year weighs more than another.
  const count = options.origins ?? period
  const spacing = options.spacing ?? 1
  const minTraining = options.minTraining ?? 2 * period + 1
  const origins: number[] = []
  for (let k = 0; k < count; k++) {
    const origin = length - options.horizon - k * spacing
    if (origin < minTraining) break
    origins.push(origin)
  }
  return origins
}

/**
 * Rolling-origin evaluation: fit on the series up to each origin, forecast the next `horizon` steps, score with MASE
 * (scaled on that training window) and average. Returns null when no origin leaves enough training history or the
 * method does not suit the series.
 *
 * @example
 * rollingOriginBacktest(monthlySales, 12, 'holt-winters-multiplicative', { horizon: 12 })?.mase
 */
export function rollingOriginBacktest(
  series: readonly number[],
  period: number,
  method: ForecastMethod,
  options: BacktestOptions,
): BacktestScore | null {
  const origins = backtestOrigins(series.length, period, options)
  if (origins.length === 0) return null
  let total = 0
  for (const origin of origins) {
    const training = series.slice(0, origin)
    const actual = series.slice(origin, origin + options.horizon)
    let predicted: number[]
    try {
      predicted = fitForecastModel(method, training, period).forecast(actual.length)
    } catch (error) {
      if (error instanceof RangeError) return null
      throw error
    }
    total += meanAbsoluteScaledError(actual, predicted, training, period)
  }
  return { method, mase: total / origins.length, origins: origins.length }
}
