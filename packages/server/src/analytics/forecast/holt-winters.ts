import { minimise } from '../optimiser/minimise'
import type { ForecastModel } from './forecast-model'
import { type SeasonalStart, seasonalStart } from './seasonal-start'

export type Seasonality = 'additive' | 'multiplicative'

export interface HoltWintersSmoothing {
  alpha: number
  beta: number
  gamma: number
  /** Trend damping; 1 for an undamped trend. */
  phi: number
}

export interface HoltWintersOptions {
  seasonality: Seasonality
  damped?: boolean
}

export interface HoltWintersModel extends ForecastModel {
  smoothing: HoltWintersSmoothing
  sumOfSquaredErrors: number
  level: number
  trend: number
  /** Seasonal components of the next `period` steps. */
  seasonals: number[]
}

interface FilterResult {
  sumOfSquaredErrors: number
  squaredRelativeErrors: number
  steps: number
  level: number
  trend: number
  seasonals: number[]
}

/**
 * The Holt-Winters recursions exactly as R's C_HoltWinters runs them (from the second season on), with the trend
 * multiplied by phi at each step for the damped variant.
 */
function filter(
  history: readonly number[],
  period: number,
  seasonality: Seasonality,
  start: SeasonalStart,
  { alpha, beta, gamma, phi }: HoltWintersSmoothing,
): FilterResult {
  let level = start.level
  let trend = start.trend
  // Ring buffer: the seasonal component for step t sits at t mod period, overwritten once a season has passed.
  const seasonals = Float64Array.from(start.seasonals)
  let sumOfSquaredErrors = 0
  let squaredRelativeErrors = 0
  const additive = seasonality === 'additive'
  for (let t = period; t < history.length; t++) {
    const value = history[t] as number
    const slot = t % period
    const seasonal = seasonals[slot] as number
    const damped = phi * trend
    const predicted = additive ? level + damped + seasonal : (level + damped) * seasonal
    const error = value - predicted
    sumOfSquaredErrors += error * error
    squaredRelativeErrors += (error / predicted) ** 2
    const previousLevel = level
    level = alpha * (additive ? value - seasonal : value / seasonal) + (1 - alpha) * (level + damped)
    trend = beta * (level - previousLevel) + (1 - beta) * damped
    seasonals[slot] = gamma * (additive ? value - level : value / level) + (1 - gamma) * seasonal
  }
  const n = history.length
  return {
    sumOfSquaredErrors,
    squaredRelativeErrors,
    steps: n - period,
    level,
    trend,
    seasonals: Array.from({ length: period }, (_, h) => seasonals[(n + h) % period] as number),
  }
}

const logistic = (value: number): number => 1 / (1 + Math.exp(-value))
const logit = (probability: number): number => Math.log(probability / (1 - probability))
const clampOpen = (probability: number): number => Math.min(1 - 1e-6, Math.max(1e-6, probability))
// As forecast::ets, a damping factor below 0.8 is not allowed: it would flatten every trend within a few steps.
const PHI_LOW = 0.8
const PHI_HIGH = 0.98

/**
 * Fits Holt-Winters with additive or multiplicative seasonality, optionally with a damped trend, choosing the
 * smoothing parameters that minimise the one-step squared errors (as R's HoltWinters does, start 0.3, 0.1, 0.1).
 * Needs two full seasons of history; multiplicative seasonality needs positive values.
 *
 * @example
 * fitHoltWinters(monthlySales, 12, { seasonality: 'multiplicative' }).forecast(12)
 */
export function fitHoltWinters(
  history: readonly number[],
  period: number,
  { seasonality, damped = false }: HoltWintersOptions,
): HoltWintersModel {
  if (history.length < 2 * period + 1) {
    throw new RangeError(`Holt-Winters needs more than two seasons (${2 * period} points) of history`)
  }
  if (seasonality === 'multiplicative' && history.some((value) => !(value > 0))) {
    throw new RangeError('multiplicative seasonality needs positive values')
  }
  const start = seasonalStart(history, period, seasonality)
  // Smoothing parameters live in (0, 1) and phi in (0.8, 0.98): optimise their logits so any point is admissible.
  const toSmoothing = ([a = 0, b = 0, g = 0, p = 0]: readonly number[]): HoltWintersSmoothing => ({
    alpha: logistic(a),
    beta: logistic(b),
    gamma: logistic(g),
    phi: damped ? PHI_LOW + (PHI_HIGH - PHI_LOW) * logistic(p) : 1,
  })
  const sumOfSquaredErrors = (point: readonly number[]): number =>
    filter(history, period, seasonality, start, toSmoothing(point)).sumOfSquaredErrors
  const fromRStart = minimise(sumOfSquaredErrors, damped ? [logit(0.3), logit(0.1), logit(0.1), 0] : [logit(0.3), logit(0.1), logit(0.1)], {
    step: 1,
    tolerance: 1e-10,
  })
  let best = fromRStart
  if (damped) {
    // The damped surface has poor local minima far from the undamped optimum; starting from that optimum with
    // light damping as well keeps the damped fit at least as good as what the undamped one suggests.
    const undamped = fitHoltWinters(history, period, { seasonality }).smoothing
    const fromUndamped = minimise(
      sumOfSquaredErrors,
      [logit(clampOpen(undamped.alpha)), logit(clampOpen(undamped.beta)), logit(clampOpen(undamped.gamma)), 2],
      { step: 0.5, tolerance: 1e-10 },
    )
    if (fromUndamped.value < best.value) best = fromUndamped
  }
  const smoothing = toSmoothing(best.x)
  const final = filter(history, period, seasonality, start, smoothing)
  const residualVariance = final.sumOfSquaredErrors / final.steps
  const relativeVariance = final.squaredRelativeErrors / final.steps
  const { alpha, beta, gamma, phi } = smoothing

  const dampedSum = (steps: number): number => {
    let sum = 0
    for (let j = 1; j <= steps; j++) sum += phi ** j
    return sum
  }
  const forecast = (horizon: number): number[] =>
    Array.from({ length: horizon }, (_, h) => {
      const base = final.level + dampedSum(h + 1) * final.trend
      const seasonal = final.seasonals[h % period] as number
      return seasonality === 'additive' ? base + seasonal : base * seasonal
    })

  return {
    method: `holt-winters-${seasonality}${damped ? '-damped' : ''}`,
    smoothing,
    sumOfSquaredErrors: final.sumOfSquaredErrors,
    level: final.level,
    trend: final.trend,
    seasonals: final.seasonals,
    forecast,
    forecastStandardErrors(horizon) {
      // R's predict.HoltWinters variance: psi_j = alpha(1 + j beta) + [j mod m = 0] gamma (1 - alpha), damped by phi.
      // For multiplicative seasonality the same multiplier is applied to relative errors around the point forecast.
      const points = forecast(horizon)
      let accumulated = 1
      return points.map((point, h) => {
        if (h > 0) {
          const psi = alpha * (1 + dampedSum(h) * beta) + (h % period === 0 ? gamma * (1 - alpha) : 0)
          accumulated += psi * psi
        }
        const variance = seasonality === 'additive' ? residualVariance : relativeVariance * point * point
        return Math.sqrt(variance * accumulated)
      })
    },
  }
}
