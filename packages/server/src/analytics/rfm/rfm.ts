import { quintileScores } from './quintile-scores'

/** What RFM needs to know of a customer at the report date. */
export interface RfmCustomer {
  customerId: string
  /** Days since the last purchase. */
  recencyDays: number
  /** Number of orders. */
  frequency: number
  /** Revenue from the customer. */
  monetary: number
}

export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potential-loyalist'
  | 'new'
  | 'promising'
  | 'need-attention'
  | 'about-to-sleep'
  | 'at-risk'
  | 'cant-lose'
  | 'hibernating'
  | 'lost'

export interface RfmScore extends RfmCustomer {
  recencyScore: number
  frequencyScore: number
  monetaryScore: number
  segment: RfmSegment
}

export interface RfmSegmentSummary {
  segment: RfmSegment
  customers: number
  revenue: number
  customerShare: number
  revenueShare: number
}

export interface RfmResult {
  customers: RfmScore[]
  /** Every segment, largest first, empty ones included with zeros so a report always lists the same rows. */
  segments: RfmSegmentSummary[]
}

export const RFM_SEGMENTS: readonly RfmSegment[] = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'hibernating',
  'lost',
]

/**
 * The usual recency × frequency grid of named segments (as in Putler's and Shopify's RFM maps).
 *
 * @example
 * rfmSegment(5, 5) // 'champions'
 * rfmSegment(1, 5) // 'cant-lose'
 */
export function rfmSegment(recencyScore: number, frequencyScore: number): RfmSegment {
  const r = recencyScore
  const f = frequencyScore
  if (r === 5) return f === 1 ? 'new' : f <= 3 ? 'potential-loyalist' : 'champions'
  if (r === 4) return f === 1 ? 'promising' : f <= 3 ? 'potential-loyalist' : 'loyal'
  if (r === 3) return f <= 2 ? 'about-to-sleep' : f === 3 ? 'need-attention' : 'loyal'
  if (f === 5) return 'cant-lose'
  if (f >= 3) return 'at-risk'
  return r === 1 && f === 1 ? 'lost' : 'hibernating'
}

/**
 * Scores customers 1..5 on recency (recent is 5), frequency and monetary value by quintiles, names their segment,
 * and counts customers and revenue per segment.
 *
 * @example
 * scoreRfm(customers).segments // [{ segment: 'lost', customers: 412, revenue: 9120.5, ... }, ...]
 */
export function scoreRfm(customers: readonly RfmCustomer[]): RfmResult {
  // Negated so that the most recent purchase gets the highest score.
  const recencyScores = quintileScores(customers.map(({ recencyDays }) => -recencyDays))
  const frequencyScores = quintileScores(customers.map(({ frequency }) => frequency))
  const monetaryScores = quintileScores(customers.map(({ monetary }) => monetary))
  const scored = customers.map((customer, i) => {
    const recencyScore = recencyScores[i] as number
    const frequencyScore = frequencyScores[i] as number
    return {
      ...customer,
      recencyScore,
      frequencyScore,
      monetaryScore: monetaryScores[i] as number,
      segment: rfmSegment(recencyScore, frequencyScore),
    }
  })
  const totals = new Map<RfmSegment, { customers: number; revenue: number }>(
    RFM_SEGMENTS.map((segment) => [segment, { customers: 0, revenue: 0 }]),
  )
  let revenue = 0
  for (const { segment, monetary } of scored) {
    const total = totals.get(segment)
    if (!total) continue
    total.customers++
    total.revenue += monetary
    revenue += monetary
  }
  const segments = [...totals].map(([segment, total]) => ({
    segment,
    customers: total.customers,
    revenue: total.revenue,
    customerShare: scored.length ? total.customers / scored.length : 0,
    revenueShare: revenue ? total.revenue / revenue : 0,
  }))
  segments.sort((left, right) => right.customers - left.customers)
  return { customers: scored, segments }
}
