import { excessRates } from '../analytics'
import type { PurchaseLedger } from '../ledger'
import type { RecommendationFact } from './insight-facts'

const DAY_MS = 86_400_000
// A product is tested with 20 orders at least: fewer say little about a rate of a few percent.
const MIN_ORDERS = 20
// "Far more often": twice the rest of the shop's rate at least.
const MIN_RATIO = 2
const FALSE_DISCOVERY_RATE = 0.05
// Material: the refunds above the shop's rate are worth at least 0.1 % of the window's gross revenue.
const MIN_EXCESS_SHARE = 0.001
const MAX_PRODUCTS = 3

const round2 = (value: number) => Math.round(value * 100) / 100
const round4 = (value: number) => Math.round(value * 10_000) / 10_000

/**
 * Products refunded far more often than the rest of the shop, over the `days` before `asOf`, in the app's currency:
 * per product, the refunds that took units of it back (each refund once; a partial refund of money with no items is no
 * product return) against its orders (each order once). Each product with 20 orders or more is tested against all the
 * others pooled by a one-sided exact binomial test, with Benjamini–Hochberg over the products tested (false
 * discovery rate 5 %); one is reported when its rate is at least twice the rest's and the refunds above that rate
 * (its refunded revenue × (1 − rest's rate / its rate)) are worth 0.1 % of the window's gross revenue: the impact. At
 * most three, the costliest first. O(items and refund items of the window + products · √orders).
 *
 * @example
 * productRefunds(ledger, Date.now(), 'USD', 0.01)[0] // { kind: 'review_refunds', subject: { product: 'Mug', ... }, ... }
 */
export function productRefunds(ledger: PurchaseLedger, asOf: number, currency: string, minorToMajor: number, days = 365): RecommendationFact[] {
  const appCurrency = ledger.currencyIndex(currency)
  if (appCurrency < 0) return []
  const since = asOf - days * DAY_MS
  const products = ledger.products.length
  const orders = new Float64Array(products)
  const refunds = new Float64Array(products)
  const refundedRevenue = new Float64Array(products)
  // The last order (or refund) + 1 that counted each product: one count per order however many lines hold it.
  const lastCounted = new Int32Array(products)
  let grossRevenue = 0
  for (let i = ledger.countUntil(since); i < ledger.countUntil(asOf); i++) {
    if (ledger.currency[i] !== appCurrency) continue
    grossRevenue += ledger.amount[i] as number
    for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
      const product = ledger.itemProduct[k] as number
      if (lastCounted[product] === i + 1) continue
      lastCounted[product] = i + 1
      orders[product] = (orders[product] as number) + 1
    }
  }
  lastCounted.fill(0)
  const given = ledger.refunds
  for (let j = given.countUntil(since); j < given.countUntil(asOf); j++) {
    if (given.currency[j] !== appCurrency) continue
    for (let k = given.itemStart[j] as number; k < (given.itemStart[j + 1] as number); k++) {
      if ((given.itemQuantity[k] as number) <= 0) continue
      const product = given.itemProduct[k] as number
      refundedRevenue[product] = (refundedRevenue[product] as number) + (given.itemRevenue[k] as number)
      if (lastCounted[product] === j + 1) continue
      lastCounted[product] = j + 1
      refunds[product] = (refunds[product] as number) + 1
    }
  }
  const sold = [...orders.keys()].filter((product) => (orders[product] as number) > 0)
  const { tested, found } = excessRates(
    sold.map((product) => ({ events: refunds[product] as number, trials: orders[product] as number })),
    { minTrials: MIN_ORDERS, minRatio: MIN_RATIO, falseDiscoveryRate: FALSE_DISCOVERY_RATE },
  )
  return found
    .map((finding) => {
      const product = sold[finding.index] as number
      const refunded = (refundedRevenue[product] as number) * minorToMajor
      return { finding, product, refunded, excess: refunded * (1 - finding.baseline / finding.rate) }
    })
    .filter(({ excess }) => excess >= MIN_EXCESS_SHARE * grossRevenue * minorToMajor)
    .sort((left, right) => right.excess - left.excess)
    .slice(0, MAX_PRODUCTS)
    .map(({ finding, product, refunded, excess }) => {
      const { key, name } = ledger.products[product] ?? { key: '', name: '' }
      return {
        id: `review-refunds-${key}`,
        kind: 'review_refunds' as const,
        priority: 'medium' as const,
        expectedImpact: { metric: 'revenue' as const, value: round2(excess), basis: `refunds of the product above the rest of the shop's rate, last ${days} days` },
        evidence: [
          { metric: 'refundRate', value: round4(finding.rate) },
          { metric: 'shopRefundRate', value: round4(finding.baseline) },
          { metric: 'refunds', value: finding.events },
          { metric: 'orders', value: finding.trials },
          { metric: 'pValue', value: Number(finding.adjustedPValue.toPrecision(3)) },
          { metric: 'productsTested', value: tested },
          { metric: 'refundedRevenue', value: round2(refunded) },
          { metric: 'excessRefunds', value: round2(excess) },
          { metric: 'days', value: days },
          { metric: 'method', value: 'one-sided exact binomial test against the rest of the shop, Benjamini–Hochberg adjusted' },
        ],
        subject: { product: name, productId: key },
      }
    })
}
