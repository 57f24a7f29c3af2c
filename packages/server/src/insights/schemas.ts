import { z } from '@hono/zod-openapi'
import { AnalysisQuery } from '../reports'

export const ForecastQuery = AnalysisQuery.extend({
  interval: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'Default: month with two years of history, else day' }),
  horizon: z.coerce.number().int().min(1).max(104).optional().openapi({ description: 'Periods ahead (default 3 months, 8 weeks or 14 days)' }),
})

export const AiStatusSchema = z
  .object({
    status: z.enum(['ok', 'unavailable', 'disabled']),
    model: z.string().optional(),
    reason: z.string().optional().openapi({ description: 'Why the model’s text is not used: timeout, unreachable, model_missing, invalid_json, wrong_schema, invented_numbers' }),
  })
  .openapi('AiStatus')

export const TrendSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['trend', 'product', 'anomaly', 'seasonality']),
    metric: z.string().openapi({ description: 'revenue (net of refunds), orders, customers, averageOrderValue, productRevenue, or refundRate (refunds over gross revenue)' }),
    direction: z.enum(['up', 'down', 'flat']),
    change: z.number().openapi({ description: 'Relative: last period against the one before (trends), second half against first (products), actual against expected − 1 (anomalies), autocorrelation (seasonality)' }),
    pValue: z.number().openapi({ description: 'Mann-Kendall two-sided p-value (trends, products, the refund rate); normal tail of the robust score (anomalies)' }),
    period: z.string(),
    interval: z.enum(['day', 'week', 'month']),
    slope: z.number().optional().openapi({ description: 'Sen’s slope per period' }),
    description: z.string(),
  })
  .passthrough()
  .openapi('Trend')

export const ForecastSchema = z
  .object({
    metric: z.literal('revenue'),
    interval: z.enum(['day', 'week', 'month']),
    method: z.string(),
    points: z.array(z.object({ period: z.string(), value: z.number(), lower: z.number(), upper: z.number() })),
    backtest: z.object({ mase: z.number(), baselineMase: z.number(), baseline: z.literal('seasonal_naive') }).nullable(),
    beatsBaseline: z.boolean(),
    level: z.number(),
    description: z.string(),
  })
  .openapi('Forecast')

export const ForecastResponseSchema = z
  .object({ forecast: ForecastSchema.nullable(), reason: z.string().nullable() })
  .openapi('ForecastResponse')

export const SegmentSchema = z
  .object({ segment: z.string(), name: z.string(), customers: z.number().int(), revenue: z.number(), customerShare: z.number(), revenueShare: z.number() })
  .openapi('Segment')

// A recommendation's fields but its audience, shared by the full form and the embed token's. Titles, rationales and
// evidence are written from figures, products and periods only, never from a customer.
const RecommendationFields = z.object({
  id: z.string(),
  kind: z.enum(['win_back', 'cross_sell', 'second_purchase', 'promote_rising', 'review_falling', 'forecast_peak', 'review_refunds', 'warm_not_buying']),
  title: z.string(),
  rationale: z.string(),
  priority: z.enum(['high', 'medium', 'low']),
  expectedImpact: z.object({ metric: z.enum(['revenue', 'orders']), value: z.number(), basis: z.string() }).optional(),
  evidence: z.array(z.object({ metric: z.string(), value: z.union([z.number(), z.string()]) })),
})

export const RecommendationSchema = RecommendationFields.extend({
  audience: z.object({ count: z.number().int(), userIds: z.array(z.string()).openapi({ description: 'At most 1000, most valuable first' }) }).optional(),
}).openapi('Recommendation')

export const EmbedRecommendationSchema = RecommendationFields.extend({
  audience: z.object({ count: z.number().int() }).optional().openapi({ description: 'How many customers, never which' }),
}).openapi('EmbedRecommendation', { description: 'A recommendation as an embed token reads it: its audience is a count only' })

// The insights' fields but their recommendations, shared by the full form and the embed token's.
const InsightsFields = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  currency: z.string(),
  ai: AiStatusSchema,
  summary: z.string(),
  trends: z.array(TrendSchema),
  forecast: ForecastSchema.nullable(),
  forecastReason: z.string().nullable(),
  segments: z.array(SegmentSchema),
  productPairs: z
    .array(
      z.object({
        product: z.string(),
        productId: z.string(),
        otherProduct: z.string(),
        otherProductId: z.string(),
        count: z.number().int(),
        support: z.number(),
        confidence: z.number(),
        lift: z.number(),
      }),
    )
    .openapi({ description: 'Strongest product pairs (association rules) in the last year’s orders, by lift; support at least 0.5 % of orders' }),
  baskets: z.number().int(),
  customerModel: z.object({
    status: z.enum(['fitted', 'insufficient-data']),
    reason: z.string().optional(),
    customers: z.number().int(),
    repeatCustomers: z.number().int(),
    parameters: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }).optional(),
    spendParameters: z.object({ p: z.number(), q: z.number(), v: z.number() }).nullable().optional(),
    lowConfidence: z.boolean().optional(),
  }),
})

export const InsightsSchema = InsightsFields.extend({ recommendations: z.array(RecommendationSchema) }).openapi('Insights')

export const EmbedInsightsSchema = InsightsFields.extend({ recommendations: z.array(EmbedRecommendationSchema) }).openapi('EmbedInsights', {
  description: 'The insights as an embed token reads them: recommendations’ audiences are counts only',
})

export const TrendListSchema = z.object({ data: z.array(TrendSchema) }).openapi('TrendList')
export const RecommendationListSchema = z.object({ data: z.array(RecommendationSchema) }).openapi('RecommendationList')
export const EmbedRecommendationListSchema = z.object({ data: z.array(EmbedRecommendationSchema) }).openapi('EmbedRecommendationList')

export type Insights = z.infer<typeof InsightsSchema>
export type EmbedInsights = z.infer<typeof EmbedInsightsSchema>
export type EmbedRecommendation = z.infer<typeof EmbedRecommendationSchema>
export type TrendView = z.infer<typeof TrendSchema>
export type ForecastView = z.infer<typeof ForecastSchema>
export type RecommendationView = z.infer<typeof RecommendationSchema>
