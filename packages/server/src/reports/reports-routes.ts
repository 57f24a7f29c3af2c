import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { asOfInstant } from '../calendar'
import { embedSalesReport, readableBy } from '../embed/embed-forms'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseQuery } from '../http/read-json'
import { errors, json } from '../http/responses'
import type { ReportsService } from './reports-service'
import { EmbedSalesReportSchema, SalesReportQuery, SalesReportSchema } from './schemas'

/**
 * `GET /v1/reports/sales`, for a secret key or an embed token (which reads it without who the top customers are).
 *
 * @example
 * registerReportsRoutes(app, reports)
 */
export function registerReportsRoutes(app: OpenAPIHono<AppEnv>, reports: ReportsService): void {
  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/reports/sales',
      tags: ['Reports and insights'],
      security: [{ apiKey: [] }],
      summary: 'Sales report: net revenue with gross and refunds, a series by day, week or month, top products and customers',
      description:
        'Periods are in the app’s time zone. `revenue` is net: `grossRevenue − refunds`, each refund counted on its own date. ' +
        'Money is in the app’s currency; purchases and refunds in other currencies are listed in `otherCurrencies` and never ' +
        'added to it. A period that `to` or `asOf` cuts short is marked `partial`.',
      request: { query: SalesReportQuery },
      responses: {
        ...json(200, 'The report; `EmbedSalesReport` for an embed token (top customers anonymous)', z.union([SalesReportSchema, EmbedSalesReportSchema])),
        ...errors(400, 401, 403),
      },
    }),
    requireKeyType('secret', 'embed'),
    async (c) => {
      const query = parseQuery(c, SalesReportQuery)
      const caller = callerOf(c)
      const asOf = query.asOf ? asOfInstant(query.asOf, caller.app.timezone) : Date.now()
      const report = await reports.sales(caller.app, { from: query.from, to: query.to, interval: query.interval, asOf })
      return c.json(readableBy(caller, report, embedSalesReport), 200)
    },
  )
}
