import { centredMovingAverage } from '../descriptive/centred-moving-average'

/**
 * Sample autocorrelation at a lag (the usual estimator, with the full-series variance in the denominator).
 *
 * @example
 * autocorrelation([1, -1, 1, -1, 1, -1], 2) // 0.667
 */
export function autocorrelation(values: readonly number[], lag: number): number {
  const n = values.length
  if (lag >= n) return Number.NaN
  const mean = values.reduce((sum, value) => sum + value, 0) / n
  let numerator = 0
  let denominator = 0
  for (let t = 0; t < n; t++) {
    const deviation = (values[t] as number) - mean
    denominator += deviation * deviation
    if (t + lag < n) numerator += deviation * ((values[t + lag] as number) - mean)
  }
  return denominator === 0 ? 0 : numerator / denominator
}

export interface Seasonality {
  period: number
  /** Autocorrelation of the detrended series at the seasonal lag. */
  autocorrelation: number
  seasonal: boolean
}

/**
 * Whether a series repeats with the given period: the autocorrelation at that lag, after removing the trend with a
 * moving average over one period (which keeps the seasonal pattern and would otherwise be drowned by the trend),
 * must clear both the 95% white-noise bound and `minAutocorrelation`. Needs three seasons to say yes.
 *
 * @example
 * detectSeasonality(dailyOrders, 7) // { period: 7, autocorrelation: 0.62, seasonal: true }
 * detectSeasonality(monthlyRevenue, 12)
 */
export function detectSeasonality(
  series: readonly number[],
  period: number,
  options: { minAutocorrelation?: number } = {},
): Seasonality {
  const minAutocorrelation = options.minAutocorrelation ?? 0.3
  if (period < 2 || series.length < 3 * period) return { period, autocorrelation: Number.NaN, seasonal: false }
  const trend = centredMovingAverage(series, period)
  const detrended: number[] = []
  series.forEach((value, t) => {
    const level = trend[t] as number
    if (!Number.isNaN(level)) detrended.push(value - level)
  })
  const correlation = autocorrelation(detrended, period)
  const whiteNoiseBound = 1.96 / Math.sqrt(detrended.length)
  return { period, autocorrelation: correlation, seasonal: correlation > Math.max(whiteNoiseBound, minAutocorrelation) }
}
