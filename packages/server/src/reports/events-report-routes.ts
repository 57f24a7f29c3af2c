import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { asOfInstant } from '../calendar'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseQuery } from '../http/read-json'
import { errors, json } from '../http/responses'
import { EventsReportQuery, EventsReportSchema } from './events-report-schemas'
import type { EventsReportService } from './events-report-service'

/**
 * `GET /v1/reports/events`, for a secret key, the admin page's session token or an embed token: the report names
 * events and counts customers but never says who, so every caller reads the same answer.
 *
 * @example
 * registerEventsReportRoutes(app, new EventsReportService(new EventLogs(stores.eventLog)))
 */
export function registerEventsReportRoutes(app: OpenAPIHono<AppEnv>, reports: EventsReportService): void {
  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/reports/events',
      tags: ['Reports and insights'],
      security: [{ apiKey: [] }],
      summary: 'Events report: custom events by day, week or month, and the most frequent ones',
      description:
        'Periods are in the app’s time zone, cut as in the sales report. `topEvents` names the most frequent events with ' +
        'how many customers had each; each period counts those events, and `total` every event.',
      request: { query: EventsReportQuery },
      responses: {
        ...json(200, 'The report', EventsReportSchema),
        ...errors(400, 401, 403),
      },
    }),
    requireKeyType('secret', 'embed'),
    async (c) => {
      const query = parseQuery(c, EventsReportQuery)
      const caller = callerOf(c)
      const asOf = query.asOf ? asOfInstant(query.asOf, caller.app.timezone) : Date.now()
      const report = await reports.events(caller.app, { from: query.from, to: query.to, interval: query.interval, asOf, top: query.top })
      return c.json(report, 200)
    },
  )
}
