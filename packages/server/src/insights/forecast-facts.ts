import { FORECAST_METHODS, forecastSeries } from '../analytics'
import { type Interval, nextPeriodStart, periodLabel } from '../calendar'
import type { ForecastFact } from './insight-facts'
import type { SalesSeries } from './sales-series'

/** Season length of each interval: weeks in a year, months in a year, days in a week. */
export const SEASON_LENGTH: Record<Interval, number> = { day: 7, week: 52, month: 12 }
export const DEFAULT_HORIZON: Record<Interval, number> = { day: 14, week: 8, month: 3 }

const round2 = (value: number) => Math.round(value * 100) / 100

/**
 * Revenue forecast of a complete-period series: the method chosen by a rolling-origin backtest against seasonal
 * naive, points with 95 % intervals (lower bounds floored at 0: revenue is never negative), or a reason when the
 * history is shorter than two seasons.
 *
 * @example
 * revenueForecast(monthly, 3, 0.01) // { forecast: { method: 'holt-winters-multiplicative', points: [...] }, reason: null }
 */
export function revenueForecast(series: SalesSeries, horizon: number, minorToMajor: number): { forecast: ForecastFact | null; reason: string | null } {
  const period = SEASON_LENGTH[series.interval]
  const values = series.revenue.map((value) => value * minorToMajor)
  // Multiplicative seasonality needs every value positive: a day or month without sales rules it out.
  const methods = values.every((value) => value > 0) ? FORECAST_METHODS : FORECAST_METHODS.filter((method) => !method.includes('multiplicative'))
  let outcome: ReturnType<typeof forecastSeries>
  try {
    outcome = forecastSeries(values, period, horizon, { methods })
  } catch (error) {
    return { forecast: null, reason: `the forecast could not be fitted: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!outcome.forecast) return { forecast: null, reason: `${outcome.reason} (${series.interval}s)` }
  const { forecast } = outcome
  const naive = forecast.backtest.find((score) => score.method === 'seasonal-naive')
  const chosen = forecast.backtest.find((score) => score.method === forecast.method) ?? naive
  const lastStart = series.starts.at(-1) as number
  return {
    forecast: {
      metric: 'revenue',
      interval: series.interval,
      method: forecast.method,
      points: forecast.points.map((point) => ({
        period: periodLabel(nextPeriodStart(lastStart, series.interval, point.step), series.interval),
        value: round2(Math.max(0, point.value)),
        lower: round2(Math.max(0, point.lower)),
        upper: round2(Math.max(0, point.upper)),
      })),
      // Null when the history is too short for even one backtest origin (seasonal naive is then used).
      backtest: chosen && naive ? { mase: round4(chosen.mase), baselineMase: round4(naive.mase), baseline: 'seasonal_naive' } : null,
      beatsBaseline: forecast.beatsSeasonalNaive,
      level: forecast.level,
      lastActual: { period: series.labels.at(-1) as string, value: round2(values.at(-1) as number) },
      recentTotal: round2(values.slice(-horizon).reduce((sum, value) => sum + value, 0)),
    },
    reason: null,
  }
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000

// Months are forecast when there are enough of them for the backtest to compare methods from half a season of
// origins (two seasons of training + 6); with fewer, days (weekly pattern) give the backtest something to stand on.
const MONTHS_FOR_MONTHLY_FORECAST = 2 * SEASON_LENGTH.month + 1 + 6

/**
 * The interval the insights forecast by default: months when there are 31 or more of them, else days.
 *
 * @example
 * defaultForecastInterval(24) // 'day'
 */
export function defaultForecastInterval(completeMonths: number): Interval {
  return completeMonths >= MONTHS_FOR_MONTHLY_FORECAST ? 'month' : 'day'
}
