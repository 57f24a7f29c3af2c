import { centredMovingAverage } from '../descriptive/centred-moving-average'

/** Initial level, trend and seasonal figure for Holt-Winters. */
export interface SeasonalStart {
  level: number
  trend: number
  seasonals: number[]
}

/**
 * Start values as R's HoltWinters takes them: a classical decomposition of the first two seasons, the level and
 * trend from a straight line through its moving-average trend, the seasonal figure from the detrended values.
 *
 * @example
 * seasonalStart(monthlySales, 12, 'multiplicative').seasonals // 12 factors averaging 1
 */
export function seasonalStart(
  history: readonly number[],
  period: number,
  seasonality: 'additive' | 'multiplicative',
): SeasonalStart {
  const window = history.slice(0, 2 * period)
  const trend = centredMovingAverage(window, period)
  const known = trend.filter((value) => !Number.isNaN(value))
  // Least squares line through (1, known[0]), (2, known[1]), ...; R keeps its intercept at 0 as the start level.
  const n = known.length
  const meanX = (n + 1) / 2
  const meanY = known.reduce((sum, value) => sum + value, 0) / n
  let covariance = 0
  let variance = 0
  known.forEach((value, i) => {
    covariance += (i + 1 - meanX) * (value - meanY)
    variance += (i + 1 - meanX) ** 2
  })
  const slope = covariance / variance
  const intercept = meanY - slope * meanX

  const sums = new Array<number>(period).fill(0)
  const counts = new Array<number>(period).fill(0)
  window.forEach((value, t) => {
    const level = trend[t] as number
    if (Number.isNaN(level)) return
    sums[t % period] = (sums[t % period] as number) + (seasonality === 'additive' ? value - level : value / level)
    counts[t % period] = (counts[t % period] as number) + 1
  })
  const figure = sums.map((sum, k) => sum / (counts[k] as number))
  const centre = figure.reduce((sum, value) => sum + value, 0) / period
  const seasonals = figure.map((value) => (seasonality === 'additive' ? value - centre : value / centre))
  return { level: intercept, trend: slope, seasonals }
}
