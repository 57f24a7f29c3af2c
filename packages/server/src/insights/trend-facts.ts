import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import {
  detectAnomalies,
  detectSeasonality,
  mannKendall,
  type ProductSeries,
  rankProductMovers,
  senSlope,
  seriesPeriodChange,
} from '../analytics'
import type { TrendFact, TrendMetric } from './insight-facts'
import type { SalesSeries } from './sales-series'

const METRICS: readonly Exclude<TrendMetric, 'productRevenue' | 'refundRate'>[] = ['revenue', 'orders', 'customers', 'averageOrderValue']
const MIN_TREND_PERIODS = 6
const SIGNIFICANCE = 0.05

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * Mann-Kendall and Sen's slope on revenue, orders, customers and average order value of a weekly or monthly series,
 * with the change of the last complete period against the one before.
 *
 * @example
 * metricTrends(monthlySeries, 0.01) // [{ id: 'revenue-month', direction: 'up', pValue: 0.002, slope: 410.5, ... }, ...]
 */
export function metricTrends(series: SalesSeries, minorToMajor: number): TrendFact[] {
  if (series.labels.length < MIN_TREND_PERIODS) return []
  return METRICS.map((metric) => {
    const money = metric === 'revenue' || metric === 'averageOrderValue'
    const values = series[metric].map((value) => (money ? value * minorToMajor : value))
    const test = mannKendall(values, { significance: SIGNIFICANCE })
    const change = seriesPeriodChange(values, 1)
    return {
      id: `${metric}-${series.interval}`,
      kind: 'trend' as const,
      metric,
      interval: series.interval,
      direction: test.direction === 'increasing' ? ('up' as const) : test.direction === 'decreasing' ? ('down' as const) : ('flat' as const),
      change: round(change?.relativeChange ?? 0),
      pValue: round(test.pValue, 6),
      slope: round(senSlope(values), 2),
      periods: values.length,
      period: series.labels.at(-1) as string,
      previousPeriod: series.labels.at(-2) as string,
      current: round(change?.current ?? 0, 2),
      previous: round(change?.previous ?? 0, 2),
    }
  })
}

/**
 * Products rising and falling the most. Significance and ranking are on each product's share of the period's
 * revenue (so the shop's own growth and seasons do not make every product "rise"); the slope reported is Sen's
 * slope of the product's revenue.
 *
 * @example
 * productTrends(products, monthly.revenue, 'month', '2026-10', names, 0.01)
 */
export function productTrends(
  products: readonly ProductSeries[],
  totals: readonly number[],
  interval: SalesSeries['interval'],
  period: string,
  names: ReadonlyMap<string, string>,
  minorToMajor: number,
): TrendFact[] {
  const revenueOf = new Map(products.map((product) => [product.productId, product.values]))
  const shares = products.map((product) => ({
    productId: product.productId,
    values: product.values.map((value, i) => ((totals[i] as number) > 0 ? value / (totals[i] as number) : 0)),
  }))
  const movers = rankProductMovers(shares, { limit: 3, significance: SIGNIFICANCE, minPeriods: MIN_TREND_PERIODS })
  return [...movers.rising, ...movers.falling].map((movement) => {
    const revenue = revenueOf.get(movement.productId) ?? []
    const half = Math.floor(revenue.length / 2)
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
    const current = sum(revenue.slice(revenue.length - half))
    const previous = sum(revenue.slice(0, half))
    return {
      id: `product-${movement.relativeSlope > 0 ? 'rising' : 'falling'}-${movement.productId}`,
      kind: 'product' as const,
      metric: 'productRevenue' as const,
      interval,
      direction: movement.relativeSlope > 0 ? ('up' as const) : ('down' as const),
      change: round(previous > 0 ? current / previous - 1 : 0),
      pValue: round(movement.pValue, 6),
      slope: round(senSlope(revenue) * minorToMajor, 2),
      shareSlope: round(movement.slope, 6),
      revenueEffect: round(Math.abs(movement.slope) * (totals.at(-1) ?? 0) * minorToMajor, 2),
      periods: revenue.length,
      period,
      current: round(current * minorToMajor, 2),
      previous: round(previous * minorToMajor, 2),
      product: names.get(movement.productId) ?? movement.productId,
      productId: movement.productId,
    }
  })
}

/**
 * Days of the last `recentDays` whose revenue the weekly pattern does not explain (robust score above 3.5), and
 * whether revenue repeats weekly.
 *
 * @example
 * dailyFacts(dailySeries, 0.01, 30) // [{ kind: 'anomaly', period: '2026-11-02', direction: 'up', score: 5.1, ... }]
 */
export function dailyFacts(daily: SalesSeries, minorToMajor: number, recentDays = 30): TrendFact[] {
  const values = daily.revenue.map((value) => value * minorToMajor)
  const facts: TrendFact[] = []
  if (values.length >= 21) {
    const { anomalies } = detectAnomalies(values, { period: 7 })
    anomalies
      .filter((anomaly) => anomaly.index >= values.length - recentDays)
      .sort((left, right) => Math.abs(right.score) - Math.abs(left.score))
      .slice(0, 3)
      .forEach((anomaly) => {
        facts.push({
          id: `anomaly-${daily.labels[anomaly.index]}`,
          kind: 'anomaly',
          metric: 'revenue',
          interval: 'day',
          direction: anomaly.direction === 'spike' ? 'up' : 'down',
          change: anomaly.expected !== 0 ? round(anomaly.value / anomaly.expected - 1) : 0,
          pValue: round(2 * (1 - normalCdf(Math.abs(anomaly.score), 0, 1)), 6),
          period: daily.labels[anomaly.index] as string,
          current: round(anomaly.value, 2),
          expected: round(anomaly.expected, 2),
          score: round(anomaly.score, 2),
        })
      })
  }
  const weekly = detectSeasonality(values, 7)
  if (weekly.seasonal) {
    facts.push(seasonalityFact(weekly.autocorrelation, values.length, 'day', 7, daily.labels.at(-1) as string))
  }
  return facts
}

/**
 * Yearly seasonality of monthly revenue, when there are three years to see it in.
 *
 * @example
 * yearlySeasonality(monthlySeries, 0.01)
 */
export function yearlySeasonality(monthly: SalesSeries, minorToMajor: number): TrendFact[] {
  const values = monthly.revenue.map((value) => value * minorToMajor)
  const yearly = detectSeasonality(values, 12)
  return yearly.seasonal ? [seasonalityFact(yearly.autocorrelation, values.length, 'month', 12, monthly.labels.at(-1) as string)] : []
}

function seasonalityFact(autocorrelation: number, length: number, interval: 'day' | 'month', seasonLength: number, period: string): TrendFact {
  // Under white noise the autocorrelation is about normal with variance 1/n.
  const pValue = 2 * (1 - normalCdf(Math.abs(autocorrelation) * Math.sqrt(length), 0, 1))
  return {
    id: `seasonality-${seasonLength}`,
    kind: 'seasonality',
    metric: 'revenue',
    interval,
    direction: 'flat',
    change: round(autocorrelation),
    pValue: round(pValue, 6),
    period,
    seasonLength,
  }
}
