import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { asOfInstant } from '../calendar'
import { asIs, embedInsights, embedRecommendations, readableBy } from '../embed/embed-forms'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseQuery } from '../http/read-json'
import { errors, json } from '../http/responses'
import { AnalysisQuery } from '../reports'
import type { AppRow } from '../store'
import type { InsightsService } from './insights-service'
import {
  EmbedInsightsSchema,
  EmbedRecommendationListSchema,
  ForecastQuery,
  ForecastResponseSchema,
  InsightsSchema,
  RecommendationListSchema,
  TrendListSchema,
} from './schemas'

type Query = z.output<typeof ForecastQuery>

/**
 * `GET /v1/insights` and its parts `/trends`, `/forecast`, `/recommendations`, for a secret key or an embed token (which
 * reads each in its embed form: audiences as counts).
 *
 * @example
 * registerInsightsRoutes(app, insights)
 */
export function registerInsightsRoutes(app: OpenAPIHono<AppEnv>, insights: InsightsService): void {
  const read = <Answer>(
    path: string,
    doc: { summary: string; description?: string; query: typeof AnalysisQuery | typeof ForecastQuery; response: z.ZodType; responseDescription: string },
    answer: (shop: AppRow, request: { asOf: number | undefined } & Omit<Partial<Query>, 'asOf'>) => Promise<Answer>,
    embedForm: (answer: Answer) => unknown,
  ) =>
    endpoint(
      app,
      createRoute({
        method: 'get',
        path,
        tags: ['Reports and insights'],
        security: [{ apiKey: [] }],
        summary: doc.summary,
        ...(doc.description ? { description: doc.description } : {}),
        request: { query: doc.query },
        responses: { ...json(200, doc.responseDescription, doc.response), ...errors(400, 401, 403) },
      }),
      requireKeyType('secret', 'embed'),
      async (c) => {
        const query = parseQuery(c, doc.query) as Query
        const caller = callerOf(c)
        const full = await answer(caller.app, { ...query, asOf: query.asOf ? asOfInstant(query.asOf, caller.app.timezone) : undefined })
        return c.json(readableBy(caller, full, embedForm), 200)
      },
    )

  read(
    '/v1/insights',
    {
      summary: 'Insights: summary, trends, forecast, RFM segments and recommendations',
      description:
        'Every number is computed by tested statistics; the language model (when there is one) only writes the ' +
        '`summary` and ranks the recommendations, and its answer is rejected if it states a number the facts do not ' +
        'hold. Without `asOf` the figures come from a cache refreshed in the background after new data (`generatedAt`).',
      query: AnalysisQuery,
      response: z.union([InsightsSchema, EmbedInsightsSchema]),
      responseDescription: 'The insights; `EmbedInsights` for an embed token (audiences as counts)',
    },
    (shop, request) => insights.insights(shop, request),
    embedInsights,
  )
  read(
    '/v1/insights/trends',
    {
      summary: 'Trends (Mann-Kendall, Sen’s slope), product movers, anomalies and seasonality',
      query: AnalysisQuery,
      response: TrendListSchema,
      responseDescription: 'The trends (the same for an embed token: they name metrics, products and periods)',
    },
    (shop, request) => insights.trends(shop, request),
    asIs,
  )
  read(
    '/v1/insights/forecast',
    {
      summary: 'Revenue forecast with 95 % intervals, the method chosen by a rolling-origin backtest',
      description: '`forecast` is null, with a `reason`, when the history is shorter than two seasons.',
      query: ForecastQuery,
      response: ForecastResponseSchema,
      responseDescription: 'The forecast (the same for an embed token)',
    },
    (shop, request) => insights.forecast(shop, request),
    asIs,
  )
  read(
    '/v1/insights/recommendations',
    {
      summary: 'Recommendations with their audience, evidence and expected impact',
      query: AnalysisQuery,
      response: z.union([RecommendationListSchema, EmbedRecommendationListSchema]),
      responseDescription: 'The recommendations; `EmbedRecommendationList` for an embed token (audiences as counts)',
    },
    (shop, request) => insights.recommendations(shop, request),
    embedRecommendations,
  )
}
