import quantile from '@stdlib/stats-base-dists-normal-quantile'
import type { ForecastMethod } from './forecast-model'
import { FORECAST_METHODS, fitForecastModel } from './fit-forecast-model'
import { type BacktestOptions, type BacktestScore, rollingOriginBacktest } from './rolling-origin-backtest'

export interface ForecastPoint {
  /** 1 for the first step after the history. */
  step: number
  value: number
  lower: number
  upper: number
}

export interface SelectedForecast {
  method: ForecastMethod
  points: ForecastPoint[]
  /** Coverage of the prediction intervals, e.g. 0.95. */
  level: number
  /** Backtest MASE of every method that could be evaluated, best first. */
  backtest: BacktestScore[]
  /** Whether the chosen method beat seasonal naive on the backtest; if not, seasonal naive is what is returned. */
  beatsSeasonalNaive: boolean
  note: string
}

export type ForecastOutcome = { forecast: SelectedForecast; reason: null } | { forecast: null; reason: string }

export interface ForecastSeriesOptions {
  /** Prediction interval coverage. Default 0.95. */
  level?: number
  backtest?: Omit<BacktestOptions, 'horizon'>
  methods?: readonly ForecastMethod[]
}

/**
 * Forecasts a seasonal series: every method is backtested from rolling origins, the one with the lowest MASE is
 * fitted to the whole history, and its points come with prediction intervals. A method is only chosen over
 * seasonal naive if it beat it in the backtest, and the result says which happened.
 *
 * @example
 * const { forecast, reason } = forecastSeries(monthlyRevenue, 12, 6)
 * forecast?.method // 'holt-winters-multiplicative'
 */
export function forecastSeries(
  series: readonly number[],
  period: number,
  horizon: number,
  options: ForecastSeriesOptions = {},
): ForecastOutcome {
  if (series.length < 2 * period) {
    return { forecast: null, reason: `${series.length} points of history, two seasons (${2 * period}) needed` }
  }
  const level = options.level ?? 0.95
  const methods = options.methods ?? FORECAST_METHODS
  // Methods are compared at up to one season ahead, shortened when the history cannot spare that much: beyond a
  // season every method here just repeats its seasonal pattern on a trend, and fewer origins would fit.
  const backtestHorizon = Math.max(1, Math.min(horizon, period, series.length - (2 * period + 1)))
  const scores = methods
    .map((method) => rollingOriginBacktest(series, period, method, { ...options.backtest, horizon: backtestHorizon }))
    .filter((score): score is BacktestScore => score !== null && Number.isFinite(score.mase))
    .sort((left, right) => left.mase - right.mase)

  const naive = scores.find((score) => score.method === 'seasonal-naive')
  const best = scores[0]
  let method: ForecastMethod = 'seasonal-naive'
  let note: string
  let beatsSeasonalNaive = false
  if (!naive || !best) {
    note = 'no backtest was possible (history too short, or without variation); seasonal naive used'
  } else if (best.method !== 'seasonal-naive' && best.mase < naive.mase) {
    method = best.method
    beatsSeasonalNaive = true
    note = `${best.method} beat seasonal naive in the backtest (MASE ${best.mase.toFixed(3)} against ${naive.mase.toFixed(3)})`
  } else {
    note = `no method beat seasonal naive in the backtest (MASE ${naive.mase.toFixed(3)}); seasonal naive used`
  }

  const model = fitForecastModel(method, series, period)
  const values = model.forecast(horizon)
  const errors = model.forecastStandardErrors(horizon)
  const z = quantile(0.5 + level / 2, 0, 1)
  const points = values.map((value, h) => {
    const margin = z * (errors[h] ?? Number.NaN)
    return { step: h + 1, value, lower: value - margin, upper: value + margin }
  })
  return { forecast: { method, points, level, backtest: scores, beatsSeasonalNaive, note }, reason: null }
}
