import { mannKendall, senSlope } from '../analytics'
import type { TrendFact } from './insight-facts'
import type { SalesSeries } from './sales-series'

// As the other trends: six periods at least, a 5 % two-sided Mann-Kendall test.
const MIN_PERIODS = 6
const SIGNIFICANCE = 0.05
// Material: the rate went up by at least one percentage point over the periods, on Sen's line.
const MIN_RISE = 0.01

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * The refund rate (refunds over gross revenue, each on its own date) when it rises significantly: Mann-Kendall on
 * the rate of each period, Sen's slope for its size. Mann-Kendall rather than a two-proportion test of the last period
 * against the ones before: money refunded is not a count of independent trials (one large order moves it), the
 * test needs no distribution, a single bad month does not make a trend, and the other trends are read the same way.
 * The periods are the trailing run with sales (a rate needs a gross). A refund is dated when it is given, so a
 * period's rate lags its orders a little; a sustained rise shows all the same.
 *
 * @example
 * refundRateTrend(lastMonths) // { id: 'refundRate-month', direction: 'up', slope: 0.0091, pValue: 0.0004, periods: 12, ... }
 */
export function refundRateTrend(series: SalesSeries): TrendFact | null {
  let from = 0
  series.grossRevenue.forEach((gross, i) => {
    if (!(gross > 0)) from = i + 1
  })
  const rates = series.grossRevenue.slice(from).map((gross, i) => (series.refunds[from + i] as number) / gross)
  const n = rates.length
  if (n < MIN_PERIODS || rates.every((rate) => rate === 0)) return null
  const test = mannKendall(rates, { significance: SIGNIFICANCE })
  const slope = senSlope(rates)
  if (test.direction !== 'increasing' || slope * (n - 1) < MIN_RISE) return null
  const current = rates[n - 1] as number
  const previous = rates[n - 2] as number
  return {
    id: `refundRate-${series.interval}`,
    kind: 'trend',
    metric: 'refundRate',
    interval: series.interval,
    direction: 'up',
    change: round(previous > 0 ? current / previous - 1 : 0, 4),
    pValue: round(test.pValue, 6),
    slope: round(slope, 6),
    periods: n,
    period: series.labels.at(-1) as string,
    previousPeriod: series.labels.at(-2) as string,
    current: round(current, 4),
    previous: round(previous, 4),
  }
}
