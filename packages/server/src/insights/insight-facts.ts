import type { Interval } from '../calendar'
import type { RfmSegment } from '../analytics'

/** The metrics trends are computed on (`refundRate`: refunds over gross revenue, a ratio). */
export type TrendMetric = 'revenue' | 'orders' | 'customers' | 'averageOrderValue' | 'productRevenue' | 'refundRate'

/**
 * One computed trend, anomaly or seasonality, language-free: texts are written from these numbers later.
 * `change` is relative (0.12 = +12 %): period over period for metrics, second half over first for products,
 * actual over expected minus one for anomalies, the autocorrelation for seasonality.
 */
export type TrendFact = {
  id: string
  kind: 'trend' | 'product' | 'anomaly' | 'seasonality'
  metric: TrendMetric
  interval: Interval
  direction: 'up' | 'down' | 'flat'
  change: number
  pValue: number
  /** Sen's slope per period (major units for money). */
  slope?: number
  /** Products: Sen's slope of the product's share of revenue per period. */
  shareSlope?: number
  /** Products: revenue moved per period by the share's slope, at the last period's total revenue. */
  revenueEffect?: number
  periods?: number
  /** Period labels the fact refers to (latest complete period, anomaly date). */
  period: string
  previousPeriod?: string
  current?: number
  previous?: number
  expected?: number
  score?: number
  product?: string
  productId?: string
  seasonLength?: number
}

export type ForecastFact = {
  metric: 'revenue'
  interval: Interval
  method: string
  points: { period: string; value: number; lower: number; upper: number }[]
  backtest: { mase: number; baselineMase: number; baseline: 'seasonal_naive' } | null
  /** Whether the chosen method beat seasonal naive on the rolling-origin backtest. */
  beatsBaseline: boolean
  level: number
  /** The last complete period's actual value, for comparison. */
  lastActual: { period: string; value: number }
  /** Sum of the actual values of as many periods as the forecast has, up to the last complete one. */
  recentTotal: number
}

export type SegmentFact = {
  segment: RfmSegment
  customers: number
  /** Major units. */
  revenue: number
  customerShare: number
  revenueShare: number
}

export type RecommendationKind =
  | 'win_back'
  | 'cross_sell'
  | 'second_purchase'
  | 'promote_rising'
  | 'review_falling'
  | 'forecast_peak'
  | 'review_refunds'
  | 'warm_not_buying'

export type Evidence = { metric: string; value: number | string }

export type RecommendationFact = {
  id: string
  kind: RecommendationKind
  priority: 'high' | 'medium' | 'low'
  audience?: { count: number; userIds: string[] }
  expectedImpact?: { metric: 'revenue' | 'orders'; value: number; basis: string }
  evidence: Evidence[]
  /** Names the texts need (products, periods). */
  subject: Record<string, string>
}

/** A product pair from the order baskets of the last year, strongest lift first. */
export type ProductPairFact = {
  product: string
  productId: string
  otherProduct: string
  otherProductId: string
  /** Baskets holding both. */
  count: number
  support: number
  confidence: number
  lift: number
}

export type CustomerModelFact = {
  status: 'fitted' | 'insufficient-data'
  reason?: string
  customers: number
  repeatCustomers: number
  parameters?: { r: number; alpha: number; a: number; b: number }
  spendParameters?: { p: number; q: number; v: number } | null
  lowConfidence?: boolean
}

/** Everything the insights state, computed from the purchases as of one instant. */
export type InsightFacts = {
  asOf: number
  currency: string
  headline: {
    period: string | null
    revenue: number
    orders: number
    customers: number
    previousPeriod: string | null
    previousRevenue: number | null
    revenueChange: number | null
  }
  trends: TrendFact[]
  forecast: ForecastFact | null
  forecastReason: string | null
  segments: SegmentFact[]
  recommendations: RecommendationFact[]
  productPairs: ProductPairFact[]
  /** Orders with items in the year the pairs come from. */
  baskets: number
  customerModel: CustomerModelFact
}
