import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseQuery } from '../http/read-json'
import { errors, json } from '../http/responses'
import { AnalysisQuery } from '../reports'
import type { InsightsService } from './insights-service'
import { ForecastQuery, ForecastResponseSchema, InsightsSchema, RecommendationListSchema, TrendListSchema } from './schemas'

const tags = ['Reports and insights']
const security = [{ apiKey: [] }]
const readers = requireKeyType('secret', 'embed')
const asOfOf = (query: { asOf?: string | undefined }) => (query.asOf ? Date.parse(query.asOf) : undefined)

/**
 * `GET /v1/insights` and its parts `/trends`, `/forecast`, `/recommendations`, for a secret key or an embed token.
 *
 * @example
 * registerInsightsRoutes(app, insights)
 */
export function registerInsightsRoutes(app: OpenAPIHono<AppEnv>, insights: InsightsService): void {
  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/insights',
      tags,
      security,
      summary: 'Insights: summary, trends, forecast, RFM segments and recommendations',
      description:
        'Every number is computed by tested statistics; the language model (when there is one) only writes the ' +
        '`summary` and ranks the recommendations, and its answer is rejected if it states a number the facts do not ' +
        'hold. Without `asOf` the figures come from a cache refreshed in the background after new data (`generatedAt`).',
      request: { query: AnalysisQuery },
      responses: { ...json(200, 'The insights', InsightsSchema), ...errors(400, 401, 403) },
    }),
    readers,
    async (c) => {
      const query = parseQuery(c, AnalysisQuery)
      return c.json(await insights.insights(callerOf(c).app, { asOf: asOfOf(query), lang: query.lang }), 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/insights/trends',
      tags,
      security,
      summary: 'Trends (Mann-Kendall, Sen’s slope), product movers, anomalies and seasonality',
      request: { query: AnalysisQuery },
      responses: { ...json(200, 'The trends', TrendListSchema), ...errors(400, 401, 403) },
    }),
    readers,
    async (c) => {
      const query = parseQuery(c, AnalysisQuery)
      return c.json(await insights.trends(callerOf(c).app, { asOf: asOfOf(query), lang: query.lang }), 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/insights/forecast',
      tags,
      security,
      summary: 'Revenue forecast with 95 % intervals, the method chosen by a rolling-origin backtest',
      description: '`forecast` is null, with a `reason`, when the history is shorter than two seasons.',
      request: { query: ForecastQuery },
      responses: { ...json(200, 'The forecast', ForecastResponseSchema), ...errors(400, 401, 403) },
    }),
    readers,
    async (c) => {
      const query = parseQuery(c, ForecastQuery)
      return c.json(
        await insights.forecast(callerOf(c).app, { asOf: asOfOf(query), lang: query.lang, interval: query.interval, horizon: query.horizon }),
        200,
      )
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/insights/recommendations',
      tags,
      security,
      summary: 'Recommendations with their audience, evidence and expected impact',
      request: { query: AnalysisQuery },
      responses: { ...json(200, 'The recommendations', RecommendationListSchema), ...errors(400, 401, 403) },
    }),
    readers,
    async (c) => {
      const query = parseQuery(c, AnalysisQuery)
      return c.json(await insights.recommendations(callerOf(c).app, { asOf: asOfOf(query), lang: query.lang }), 200)
    },
  )
}
