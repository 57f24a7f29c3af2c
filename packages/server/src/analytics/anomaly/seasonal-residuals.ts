import { centredMovingAverage } from '../descriptive/centred-moving-average'
import { median } from '../descriptive/median'
import { robustScores } from './robust-scores'

export interface SeasonalFit {
  /** What the seasonal model expects at each point: trend plus seasonal component. */
  expected: number[]
  /** What it does not explain: value minus expected. */
  residuals: number[]
}

/** Classical decomposition: centred moving average trend (held flat at the edges), median seasonal figure. */
function decompose(series: readonly number[], period: number): number[] {
  const moving = centredMovingAverage(series, period)
  const half = Math.floor(period / 2)
  const firstKnown = moving[half] as number
  const lastKnown = moving[series.length - 1 - half] as number
  const trend = moving.map((value, t) => (Number.isNaN(value) ? (t < half ? firstKnown : lastKnown) : value))
  const detrendedByPosition: number[][] = Array.from({ length: period }, () => [])
  series.forEach((value, t) => detrendedByPosition[t % period]?.push(value - (trend[t] as number)))
  const figure = detrendedByPosition.map((values) => median(values))
  const centre = figure.reduce((sum, value) => sum + value, 0) / period
  return series.map((_, t) => (trend[t] as number) + (figure[t % period] as number) - centre)
}

/**
 * The seasonal model's expectation and what it leaves unexplained. A classical decomposition, refitted after
 * replacing the points it scores as outliers by its own expectation (as robust STL does with its outer loop): a
 * moving average smears a spike over its neighbours, which would otherwise look like drops. With less than two
 * seasons, or a period below 2, the series median is all that is expected.
 *
 * @example
 * seasonalResiduals(dailyRevenue, 7).residuals
 */
export function seasonalResiduals(series: readonly number[], period: number, outlierThreshold = 3.5): SeasonalFit {
  if (period < 2 || series.length < 2 * period) {
    const centre = median(series)
    return { expected: series.map(() => centre), residuals: series.map((value) => value - centre) }
  }
  let cleaned = [...series]
  let expected = decompose(cleaned, period)
  for (let pass = 0; pass < 3; pass++) {
    const scores = robustScores(series.map((value, t) => value - (expected[t] as number)))
    const next = series.map((value, t) => (Math.abs(scores[t] as number) > outlierThreshold ? (expected[t] as number) : value))
    if (next.every((value, t) => value === cleaned[t])) break
    cleaned = next
    expected = decompose(cleaned, period)
  }
  return { expected, residuals: series.map((value, t) => value - (expected[t] as number)) }
}
