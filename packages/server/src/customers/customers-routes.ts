import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseQuery } from '../http/read-json'
import { asOfInstant, rangeEnd, rangeStart } from '../calendar'
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
      const { app } = callerOf(c)
      const asOf = query.asOf ? asOfInstant(query.asOf, app.timezone) : Date.now()
      return c.json(await customers.get(app, c.req.param('userId')!, { asOf, horizonDays: query.horizonDays }), 200)
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
          from: query.from ? rangeStart(query.from, app.timezone) : undefined,
          to: query.to ? rangeEnd(query.to, app.timezone) : undefined,
          limit: query.limit,
          cursor: query.cursor,
        }),
        200,
      )
    },
  )
}
