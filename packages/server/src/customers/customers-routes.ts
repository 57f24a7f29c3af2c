import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseQuery } from '../http/read-json'
import { parseDateTime } from '../time'
import { errors, json } from '../http/responses'
import type { CustomersService } from './customers-service'
import {
  CustomerDetailSchema,
  CustomerListQuery,
  CustomerParams,
  CustomerQuery,
  CustomerSummarySchema,
  page,
  PurchaseListQuery,
  PurchaseSchema,
} from './schemas'

const tags = ['Customer base']
const security = [{ apiKey: [] }]

/**
 * The customer base, read with a secret key: `/v1/customers`, `/v1/customers/{userId}`, `/v1/purchases`.
 *
 * @example
 * registerCustomersRoutes(app, customers)
 */
export function registerCustomersRoutes(app: OpenAPIHono<AppEnv>, customers: CustomersService): void {
  const secretOnly = requireKeyType('secret')

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/customers',
      tags,
      security,
      summary: 'List customers',
      request: { query: CustomerListQuery },
      responses: { ...json(200, 'A page of customers', page(CustomerSummarySchema, 'CustomerPage')), ...errors(400, 401, 403) },
    }),
    secretOnly,
    async (c) => c.json(await customers.list(callerOf(c).app, parseQuery(c, CustomerListQuery)), 200),
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/customers/{userId}',
      tags,
      security,
      summary: 'One customer: profile, stats, predictions, purchases and timeline',
      request: { params: CustomerParams, query: CustomerQuery },
      responses: { ...json(200, 'The customer', CustomerDetailSchema), ...errors(400, 401, 403, 404) },
    }),
    secretOnly,
    async (c) => {
      const query = parseQuery(c, CustomerQuery)
      const asOf = query.asOf ? Date.parse(query.asOf) : Date.now()
      return c.json(await customers.get(callerOf(c).app, c.req.param('userId')!, { asOf, horizonDays: query.horizonDays }), 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/v1/purchases',
      tags,
      security,
      summary: 'List purchases, newest first',
      request: { query: PurchaseListQuery },
      responses: { ...json(200, 'A page of purchases', page(PurchaseSchema, 'PurchasePage')), ...errors(400, 401, 403) },
    }),
    secretOnly,
    async (c) => {
      const query = parseQuery(c, PurchaseListQuery)
      const { app } = callerOf(c)
      return c.json(
        await customers.purchases(app, {
          userId: query.userId,
          from: query.from ? rangeBound(query.from, app.timezone, 'from') : undefined,
          to: query.to ? rangeBound(query.to, app.timezone, 'to') : undefined,
          limit: query.limit,
          cursor: query.cursor,
        }),
        200,
      )
    },
  )
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A bound of a time range: a date is a whole day in the app's time zone (`to` includes it), a date-time is exact. */
function rangeBound(value: string, timeZone: string, side: 'from' | 'to'): number {
  if (!DATE_ONLY.test(value)) return parseDateTime(value, timeZone)
  const day = new Date(`${value}T00:00:00Z`)
  if (side === 'to') day.setUTCDate(day.getUTCDate() + 1)
  return parseDateTime(day.toISOString().slice(0, 19), timeZone)
}
