import { type AssociationRule, median, probabilityAlive } from '../analytics'
import { dateOfDay, dayNumber } from '../calendar'
import type { PurchaseLedger } from '../ledger'
import type { RecentActivityRow } from '../store'
import type { CustomerHistories } from './customer-histories'
import { type CustomerModel, historyOf } from './customer-model'
import type { ForecastFact, RecommendationFact, TrendFact } from './insight-facts'
import { itemRefunded, type OrderRefunds } from './refund-links'

export type RecommendationInputs = {
  ledger: PurchaseLedger
  histories: CustomerHistories
  model: CustomerModel
  /** Each customer's RFM monetary score (1..5), in the order of `histories.customers`. */
  monetaryScores: ArrayLike<number>
  rules: readonly AssociationRule[]
  productTrends: readonly TrendFact[]
  forecast: ForecastFact | null
  asOf: number
  minorToMajor: number
  /** What refunds up to `asOf` took off the orders; without it, every purchase counts whole. */
  refunds?: OrderRefunds
  /** Customers' custom events in the two windows before `asOf` (`WARM_WINDOW_DAYS` each); without it, no events. */
  activity?: readonly RecentActivityRow[]
}

// An audience lists at most this many userIds (its count is always the full size).
const MAX_AUDIENCE_IDS = 1000
const DAY_MS = 86_400_000
const round2 = (value: number) => Math.round(value * 100) / 100
const round4 = (value: number) => Math.round(value * 10_000) / 10_000

function audience(ledger: PurchaseLedger, customers: readonly number[], value: (customer: number) => number) {
  const ranked = [...customers].sort((left, right) => value(right) - value(left))
  return { count: customers.length, userIds: ranked.slice(0, MAX_AUDIENCE_IDS).map((c) => ledger.userIds[c] as string) }
}

/**
 * Valuable repeat customers (top two monetary quintiles) whose BG/NBD probability of being active fell below one
 * half; the impact is what they used to bring in a year.
 */
export function winBack(inputs: RecommendationInputs): RecommendationFact | null {
  const { model, histories, monetaryScores, ledger, minorToMajor } = inputs
  if (model.bgNbd.status !== 'fitted') return null
  const parameters = model.bgNbd.parameters
  const members: number[] = []
  const yearlyValue = new Map<number, number>()
  let probabilitySum = 0
  for (let index = 0; index < monetaryScores.length; index++) {
    const customer = histories.customers[index] as number
    if ((monetaryScores[index] as number) < 4 || (histories.purchaseDays[customer] as number) < 2) continue
    const alive = probabilityAlive(parameters, historyOf(histories, customer))
    if (alive >= 0.5) continue
    members.push(customer)
    probabilitySum += alive
    const activeYears = Math.max(1, ((histories.lastDay[customer] as number) - (histories.firstDay[customer] as number)) / 365.25)
    yearlyValue.set(customer, ((histories.revenue[customer] as number) * minorToMajor) / activeYears)
  }
  if (members.length === 0) return null
  const impact = [...yearlyValue.values()].reduce((sum, value) => sum + value, 0)
  return {
    id: 'win-back',
    kind: 'win_back',
    priority: 'medium',
    audience: audience(ledger, members, (c) => yearlyValue.get(c) ?? 0),
    expectedImpact: { metric: 'revenue', value: round2(impact), basis: 'yearly revenue these customers brought while active' },
    evidence: [
      { metric: 'customers', value: members.length },
      { metric: 'averageProbabilityActive', value: round4(probabilitySum / members.length) },
      { metric: 'yearlyRevenueAtRisk', value: round2(impact) },
    ],
    subject: {},
  }
}

/**
 * The strongest product pairs: customers who bought the first product (and kept it) but never the second (not even
 * one they gave back: they know it); the impact assumes they take the second at the rule's confidence, at its average
 * revenue in the orders that kept it.
 */
export function crossSells(inputs: RecommendationInputs, limit = 3): RecommendationFact[] {
  const { ledger, rules, asOf, minorToMajor, refunds } = inputs
  const chosen: AssociationRule[] = []
  const pairs = new Set<string>()
  for (const rule of rules) {
    const pair = [Math.min(rule.antecedent, rule.consequent), Math.max(rule.antecedent, rule.consequent)].join('-')
    if (pairs.has(pair)) continue
    pairs.add(pair)
    chosen.push(rule)
    if (chosen.length === limit) break
  }
  if (chosen.length === 0) return []
  const products = new Map<number, number>()
  for (const rule of chosen) for (const product of [rule.antecedent, rule.consequent]) if (!products.has(product)) products.set(product, products.size)
  // Per customer and product: 1 ordered, 2 ordered and kept (bits).
  const bought = new Uint8Array(ledger.customerCount * products.size)
  const productRevenue = new Float64Array(products.size)
  const productOrders = new Float64Array(products.size)
  const end = ledger.countUntil(asOf)
  const refundedOrders = refunds?.orders ?? new Int32Array(0)
  let next = 0
  for (let i = 0; i < end; i++) {
    const touched = refundedOrders[next] === i
    if (touched) next++
    for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
      const slot = products.get(ledger.itemProduct[k] as number)
      if (slot === undefined) continue
      const at = (ledger.customer[i] as number) * products.size + slot
      const kept = !touched || !itemRefunded(ledger, refunds as OrderRefunds, i, k)
      bought[at] = (bought[at] as number) | (kept ? 3 : 1)
      if (!kept) continue
      productRevenue[slot] = (productRevenue[slot] as number) + (ledger.itemRevenue[k] as number)
      productOrders[slot] = (productOrders[slot] as number) + 1
    }
  }
  return chosen.map((rule) => {
    const from = products.get(rule.antecedent) as number
    const to = products.get(rule.consequent) as number
    const members: number[] = []
    for (let c = 0; c < ledger.customerCount; c++) {
      if ((bought[c * products.size + from] as number) & 2 && bought[c * products.size + to] === 0) members.push(c)
    }
    const averageRevenue = ((productRevenue[to] as number) / Math.max(1, productOrders[to] as number)) * minorToMajor
    const orders = members.length * rule.confidence
    const antecedent = ledger.products[rule.antecedent]
    const consequent = ledger.products[rule.consequent]
    return {
      id: `cross-sell-${antecedent?.key}-${consequent?.key}`,
      kind: 'cross_sell' as const,
      priority: 'medium' as const,
      audience: audience(ledger, members, () => 0),
      expectedImpact: { metric: 'revenue' as const, value: round2(orders * averageRevenue), basis: 'audience × confidence × average revenue of the second product per order' },
      evidence: [
        { metric: 'confidence', value: round4(rule.confidence) },
        { metric: 'lift', value: round2(rule.lift) },
        { metric: 'support', value: round4(rule.support) },
        { metric: 'basketsWithBoth', value: rule.count },
        { metric: 'averageRevenuePerOrder', value: round2(averageRevenue) },
      ],
      subject: { product: antecedent?.name ?? '', productId: antecedent?.key ?? '', otherProduct: consequent?.name ?? '', otherProductId: consequent?.key ?? '' },
    }
  })
}

/**
 * One-time buyers who are now at the typical time of a second purchase (between the median and the 75th percentile
 * of the first-to-second gap of repeat customers); the impact is the audience × the repeat rate of customers old
 * enough to have repeated × the average order value.
 */
export function secondPurchase(inputs: RecommendationInputs): RecommendationFact | null {
  const { ledger, histories, asOf, minorToMajor } = inputs
  const gaps: number[] = []
  for (const c of histories.customers) {
    const second = ledger.secondOrderAt[c] as number
    if (second <= asOf) gaps.push((second - (ledger.firstOrderAt[c] as number)) / DAY_MS)
  }
  if (gaps.length < 20) return null
  gaps.sort((left, right) => left - right)
  const typical = median(gaps)
  const late = gaps[Math.floor(gaps.length * 0.75)] as number
  const settled = gaps[Math.floor(gaps.length * 0.9)] as number
  const members: number[] = []
  let oldEnough = 0
  let repeatedOldEnough = 0
  let revenue = 0
  let orders = 0
  for (const c of histories.customers) {
    const age = (asOf - (ledger.firstOrderAt[c] as number)) / DAY_MS
    revenue += histories.revenue[c] as number
    orders += histories.orders[c] as number
    if (age >= settled) {
      oldEnough++
      if ((ledger.secondOrderAt[c] as number) <= asOf) repeatedOldEnough++
    }
    if ((ledger.secondOrderAt[c] as number) > asOf && age >= typical && age <= late) members.push(c)
  }
  if (members.length === 0 || oldEnough === 0) return null
  const repeatRate = repeatedOldEnough / oldEnough
  const averageOrderValue = (revenue / Math.max(1, orders)) * minorToMajor
  return {
    id: 'second-purchase',
    kind: 'second_purchase',
    priority: 'medium',
    audience: audience(ledger, members, (c) => -(ledger.firstOrderAt[c] as number)),
    expectedImpact: { metric: 'revenue', value: round2(members.length * repeatRate * averageOrderValue), basis: 'audience × repeat rate × average order value' },
    evidence: [
      { metric: 'medianDaysToSecondPurchase', value: round2(typical) },
      { metric: 'percentile75DaysToSecondPurchase', value: round2(late) },
      { metric: 'repeatRate', value: round4(repeatRate) },
      { metric: 'averageOrderValue', value: round2(averageOrderValue) },
    ],
    subject: {},
  }
}

/** Promote the products rising the most, look into those falling the most; the impact is the Sen slope per period. */
export function productMoves(inputs: RecommendationInputs): RecommendationFact[] {
  return inputs.productTrends.map((trend) => ({
    id: `${trend.direction === 'up' ? 'promote' : 'review'}-${trend.productId}`,
    kind: trend.direction === 'up' ? ('promote_rising' as const) : ('review_falling' as const),
    priority: 'medium' as const,
    expectedImpact: {
      metric: 'revenue' as const,
      value: trend.revenueEffect ?? 0,
      basis: `revenue moved per ${trend.interval} by the product's trend in share of revenue, at the last ${trend.interval}'s revenue`,
    },
    evidence: [
      { metric: 'shareSlopePerPeriod', value: trend.shareSlope ?? 0 },
      { metric: 'revenueEffectPerPeriod', value: trend.revenueEffect ?? 0 },
      { metric: 'change', value: trend.change },
      { metric: 'pValue', value: trend.pValue },
    ],
    subject: { product: trend.product ?? '', productId: trend.productId ?? '', interval: trend.interval },
  }))
}

/**
 * A forecast at least 15 % above the recent past: by month or week, its highest period against the last complete
 * one; by day (where single days swing with the weekday), the whole horizon against as many days just before it.
 */
export function forecastPeak(inputs: RecommendationInputs): RecommendationFact | null {
  const { forecast } = inputs
  if (!forecast || forecast.points.length === 0) return null
  const daily = forecast.interval === 'day'
  const peak = forecast.points.reduce((best, point) => (point.value > best.value ? point : best))
  const sum = (key: 'value' | 'lower' | 'upper') => round2(forecast.points.reduce((total, point) => total + point[key], 0))
  const expected = daily ? sum('value') : peak.value
  const baseline = daily ? forecast.recentTotal : forecast.lastActual.value
  if (!(baseline > 0) || expected < baseline * 1.15) return null
  const first = forecast.points[0]?.period ?? ''
  const period = daily ? `${first} – ${forecast.points.at(-1)?.period ?? ''}` : peak.period
  return {
    id: `forecast-peak-${daily ? first : peak.period}`,
    kind: 'forecast_peak',
    priority: 'medium',
    expectedImpact: { metric: 'revenue', value: round2(expected - baseline), basis: daily ? 'forecast for the coming days minus the same number of days before' : 'forecast peak minus the last complete period' },
    evidence: [
      { metric: 'forecast', value: expected },
      { metric: 'lower', value: daily ? sum('lower') : peak.lower },
      { metric: 'upper', value: daily ? sum('upper') : peak.upper },
      { metric: 'lastActual', value: baseline },
      { metric: 'change', value: round4(expected / baseline - 1) },
    ],
    subject: { period, lastPeriod: daily ? priorDays(first, forecast.points.length) : forecast.lastActual.period, method: forecast.method },
  }
}

/** The `count` days before a `YYYY-MM-DD` date, as "first – last". */
function priorDays(date: string, count: number): string {
  const day = dayNumber(date)
  return `${dateOfDay(day - count)} – ${dateOfDay(day - 1)}`
}

/**
 * Every recommendation the facts support, the largest expected revenue first: the first two are high priority,
 * the next two medium, the rest low.
 *
 * @example
 * recommendationFacts(inputs).map((r) => r.kind) // ['win_back', 'cross_sell', ...]
 */
export function recommendationFacts(inputs: RecommendationInputs): RecommendationFact[] {
  return rankRecommendations([winBack(inputs), ...crossSells(inputs), secondPurchase(inputs), ...productMoves(inputs), forecastPeak(inputs)])
}

/**
 * The recommendations found, in the order they were found, ranked as `recommendationFacts` ranks them.
 *
 * @example
 * rankRecommendations([winBack(inputs), ...crossSells(inputs)])[0].priority // 'high'
 */
export function rankRecommendations(found: readonly (RecommendationFact | null)[]): RecommendationFact[] {
  const all = found.filter((fact): fact is RecommendationFact => fact !== null)
  all.sort((left, right) => (right.expectedImpact?.value ?? 0) - (left.expectedImpact?.value ?? 0))
  return all.map((fact, rank) => ({ ...fact, priority: rank < 2 ? 'high' : rank < 4 ? 'medium' : 'low' }))
}
