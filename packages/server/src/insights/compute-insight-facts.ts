import { type Interval, localDay } from '../calendar'
import type { PurchaseLedger } from '../ledger'
import { currencyExponent } from '../money'
import type { RecentActivityRow } from '../store'
import { orderItems } from './basket-rules'
import { customerHistories } from './customer-histories'
import type { CustomerModel } from './customer-model'
import { DEFAULT_HORIZON, defaultForecastInterval, revenueForecast } from './forecast-facts'
import type { CustomerModelFact, ForecastFact, InsightFacts, SegmentFact } from './insight-facts'
import { productRefunds } from './product-refunds'
import { productSeries } from './product-series'
import { crossSells, forecastPeak, productMoves, rankRecommendations, type RecommendationInputs, secondPurchase, winBack } from './recommendation-facts'
import { orderRefunds, type RefundLinks } from './refund-links'
import { refundRateTrend } from './refund-rate-trend'
import { type SalesSeries, salesSeries } from './sales-series'
import { runInThread, type StatisticsRunner } from './statistics-thread'
import { dailyFacts, metricTrends, productTrends, yearlySeasonality } from './trend-facts'
import { warmNotBuying } from './warm-audience'

export type InsightComputation = { facts: InsightFacts; model: CustomerModel }

export type ComputeOptions = {
  /** Called between stages so a long computation lets requests (and ingestion) through. */
  pause?: () => Promise<void>
  /** Receives each stage's duration in milliseconds (for the benchmark). */
  timings?: Record<string, number>
  /** Where the customer model, RFM and product pairs are computed (default: this thread). */
  statistics?: StatisticsRunner
  /**
   * Which order each of the ledger's refunds is of (`linkRefunds`): with it, customer models and baskets leave out
   * orders and items refunded in full and net partial refunds from their order; without it, every refund is taken
   * as one of no order (it lowers its customer's spend only).
   */
  refundLinks?: RefundLinks
  /** Customers' custom events in the two windows before `asOf` (`recentActivity`), for "warm, not buying". */
  activity?: readonly RecentActivityRow[]
}

// Enough history for every trend and forecast, bounded so the cost does not grow with the shop's age.
const MONTHS = 60
const WEEKS = 52
const DAYS = 365
const DAILY_FORECAST_DAYS = 182

const round2 = (value: number) => Math.round(value * 100) / 100
const round4 = (value: number) => Math.round(value * 10_000) / 10_000

/** The last `count` periods of a series. */
function lastPeriods(series: SalesSeries, count: number): SalesSeries {
  const cut = <T>(values: T[]) => values.slice(-count)
  return {
    interval: series.interval,
    labels: cut(series.labels),
    starts: cut(series.starts),
    revenue: cut(series.revenue),
    grossRevenue: cut(series.grossRevenue),
    refunds: cut(series.refunds),
    orders: cut(series.orders),
    customers: cut(series.customers),
    averageOrderValue: cut(series.averageOrderValue),
  }
}

/** Major units per minor unit of a currency (0.01 for USD, 1 for JPY). */
export function minorToMajor(currency: string): number {
  return 10 ** -currencyExponent(currency)
}

/**
 * The sales series and horizon of the revenue forecast by an interval (or the default one: months with two years of
 * them, else days): the forecast's input, small enough to hand to a worker.
 *
 * @example
 * forecastInputs(ledger, Date.now(), 'USD', { interval: 'month' }) // { series: { interval: 'month', ... }, horizon: 6 }
 */
export function forecastInputs(
  ledger: PurchaseLedger,
  asOf: number,
  currency: string,
  options: { interval?: Interval | undefined; horizon?: number | undefined } = {},
): { series: SalesSeries; horizon: number } {
  const interval = options.interval ?? defaultForecastInterval(salesSeries(ledger, 'month', asOf, currency, MONTHS).labels.length)
  const history = interval === 'day' ? DAILY_FORECAST_DAYS : interval === 'week' ? 3 * WEEKS : MONTHS
  return { series: salesSeries(ledger, interval, asOf, currency, history), horizon: options.horizon ?? DEFAULT_HORIZON[interval] }
}

/**
 * The revenue forecast by an interval (or the default one: months with two years of them, else days).
 *
 * @example
 * forecastFacts(ledger, Date.now(), 'USD', { interval: 'month', horizon: 6 })
 */
export function forecastFacts(
  ledger: PurchaseLedger,
  asOf: number,
  currency: string,
  options: { interval?: Interval | undefined; horizon?: number | undefined } = {},
): { forecast: ForecastFact | null; reason: string | null } {
  const { series, horizon } = forecastInputs(ledger, asOf, currency, options)
  return revenueForecast(series, horizon, minorToMajor(currency))
}

/**
 * Every fact of the insights as of an instant: trends, anomalies and seasonality, the forecast, the customer model,
 * RFM segments, product-pair rules and the recommendations built on them. No text and no LLM: numbers only.
 *
 * @example
 * const { facts, model } = await computeInsightFacts(ledger, 'USD', Date.now())
 */
export async function computeInsightFacts(ledger: PurchaseLedger, currency: string, asOf: number, options: ComputeOptions = {}): Promise<InsightComputation> {
  let stageStarted = performance.now()
  const pause = async (stage: string) => {
    if (options.timings) options.timings[stage] = performance.now() - stageStarted
    await options.pause?.()
    stageStarted = performance.now()
  }
  const scale = minorToMajor(currency)
  const monthly = salesSeries(ledger, 'month', asOf, currency, MONTHS)
  const weekly = salesSeries(ledger, 'week', asOf, currency, WEEKS)
  const daily = salesSeries(ledger, 'day', asOf, currency, DAYS)
  await pause('series')

  const productsBy = monthly.labels.length >= 12 ? lastPeriods(monthly, 24) : lastPeriods(weekly, 26)
  const products = productSeries(ledger, productsBy, currency)
  const names = new Map(ledger.products.map((product) => [product.key, product.name]))
  const movers = productTrends(products, productsBy.revenue, productsBy.interval, productsBy.labels.at(-1) ?? '', names, scale)
  const refundRate = refundRateTrend(lastPeriods(monthly, 24))
  const trends = [
    ...metricTrends(lastPeriods(monthly, 24), scale),
    ...(refundRate ? [refundRate] : []),
    ...metricTrends(weekly, scale),
    ...movers,
    ...dailyFacts(daily, scale),
    ...yearlySeasonality(monthly, scale),
  ]
  await pause('trends')

  const statistics = options.statistics ?? runInThread
  const { forecast, reason } = await statistics({ kind: 'forecast', ...forecastInputs(ledger, asOf, currency), minorToMajor: scale })
  await pause('forecast')

  // The true history: what refunds dated up to asOf took off each order (O(refunds) with a map of refunded orders).
  const given = orderRefunds(ledger, options.refundLinks, asOf)
  const histories = customerHistories(ledger, asOf, localDay(asOf, ledger.timeZone), currency, given)
  const fits = await statistics({ kind: 'customer-model', histories, minorToMajor: scale })
  const model: CustomerModel = { asOfDay: histories.asOfDay, ...fits, histories, minorToMajor: scale }
  await pause('customer model')

  const rfm = await statistics({ kind: 'rfm', histories, minorToMajor: scale })
  const segments: SegmentFact[] = rfm.segments.map((segment) => ({
    segment: segment.segment,
    customers: segment.customers,
    revenue: round2(segment.revenue),
    customerShare: round4(segment.customerShare),
    revenueShare: round4(segment.revenueShare),
  }))
  await pause('segments')
  const { rules, baskets } = await statistics({ kind: 'basket-rules', items: orderItems(ledger, asOf, 365, given) })
  // Each pair is in the rules both ways with the same lift: keep the way with the higher confidence.
  const strongerWay = new Map<string, (typeof rules)[number]>()
  for (const rule of rules) {
    const pair = `${Math.min(rule.antecedent, rule.consequent)}-${Math.max(rule.antecedent, rule.consequent)}`
    const kept = strongerWay.get(pair)
    if (!kept || rule.confidence > kept.confidence) strongerWay.set(pair, rule)
  }
  const productPairs = [...strongerWay.values()]
    .sort((left, right) => right.lift - left.lift || right.count - left.count)
    .slice(0, 10)
    .map((rule) => ({
      product: ledger.products[rule.antecedent]?.name ?? '',
      productId: ledger.products[rule.antecedent]?.key ?? '',
      otherProduct: ledger.products[rule.consequent]?.name ?? '',
      otherProductId: ledger.products[rule.consequent]?.key ?? '',
      count: rule.count,
      support: round4(rule.support),
      confidence: round4(rule.confidence),
      lift: round2(rule.lift),
    }))
  await pause('product pairs')

  const inputs: RecommendationInputs = {
    ledger,
    histories,
    model,
    monetaryScores: rfm.monetaryScores,
    rules,
    productTrends: movers,
    forecast,
    asOf,
    minorToMajor: scale,
    refunds: given,
    ...(options.activity ? { activity: options.activity } : {}),
  }

  // Win-back scores every customer and cross-sells scan the ledger: each between pauses.
  const lapsed = winBack(inputs)
  await pause('win-back')
  const pairs = crossSells(inputs)
  await pause('cross-sells')
  const refunded = productRefunds(ledger, asOf, currency, scale)
  const warm = warmNotBuying(inputs)
  await pause('refunds and warm customers')
  const recommendations = rankRecommendations([lapsed, ...pairs, secondPurchase(inputs), ...productMoves(inputs), forecastPeak(inputs), ...refunded, warm])

  if (options.timings) options.timings.recommendations = performance.now() - stageStarted
  const last = monthly.labels.length - 1
  const headline: InsightFacts['headline'] =
    last >= 0
      ? {
          period: monthly.labels[last] as string,
          revenue: round2((monthly.revenue[last] as number) * scale),
          orders: monthly.orders[last] as number,
          customers: monthly.customers[last] as number,
          previousPeriod: monthly.labels[last - 1] ?? null,
          previousRevenue: last > 0 ? round2((monthly.revenue[last - 1] as number) * scale) : null,
          revenueChange:
            last > 0 && (monthly.revenue[last - 1] as number) > 0
              ? round4((monthly.revenue[last] as number) / (monthly.revenue[last - 1] as number) - 1)
              : null,
        }
      : { period: null, revenue: 0, orders: 0, customers: 0, previousPeriod: null, previousRevenue: null, revenueChange: null }

  return {
    facts: { asOf, currency, headline, trends, forecast, forecastReason: reason, segments, recommendations, productPairs, baskets, customerModel: customerModelFact(model) },
    model,
  }
}

function customerModelFact(model: CustomerModel): CustomerModelFact {
  const { bgNbd, gammaGamma } = model
  if (bgNbd.status !== 'fitted') {
    return { status: 'insufficient-data', reason: bgNbd.reason, customers: bgNbd.customers, repeatCustomers: bgNbd.repeatCustomers }
  }
  const { r, alpha, a, b } = bgNbd.parameters
  return {
    status: 'fitted',
    customers: bgNbd.customers,
    repeatCustomers: bgNbd.repeatCustomers,
    parameters: { r: round4(r), alpha: round4(alpha), a: round4(a), b: round4(b) },
    spendParameters: gammaGamma.status === 'fitted' ? { p: round4(gammaGamma.parameters.p), q: round4(gammaGamma.parameters.q), v: round4(gammaGamma.parameters.v) } : null,
    lowConfidence: bgNbd.lowConfidence,
  }
}
