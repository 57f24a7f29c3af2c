import { z } from '@hono/zod-openapi'
import { AsOf, DateOrDateTime, ListQuery } from '../schemas'

export const CustomerListQuery = ListQuery.extend({
  search: z.string().max(200).optional().openapi({ description: 'Matches userId, name and email (substring, case-insensitive)' }),
  sort: z
    .enum(['-revenue', '-lastPurchaseAt', '-lastSeenAt', '-createdAt', 'name'])
    .default('-revenue')
    .openapi({ description: '`-revenue` is by net revenue; `-lastSeenAt` by the latest purchase, refund or event (never seen last)' }),
})

export const CustomerParams = z.object({ userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }) })

export const CustomerQuery = z.object({
  asOf: AsOf.optional(),
  horizonDays: z.coerce.number().int().min(1).max(3650).default(90),
})

export const PurchaseListQuery = ListQuery.extend({
  userId: z.string().max(255).optional(),
  from: DateOrDateTime.optional().openapi({
    description: 'Start, included: a date (its start in the app’s time zone) or a date-time (without an offset: in the app’s time zone)',
    example: '2011-12-01',
  }),
  to: DateOrDateTime.optional().openapi({
    description: 'End: a date is included to the end of that day in the app’s time zone; a date-time is excluded',
    example: '2011-12-10',
  }),
})

export const CustomerSummarySchema = z
  .object({
    userId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    createdAt: z.string(),
    firstPurchaseAt: z.string().nullable(),
    lastPurchaseAt: z.string().nullable(),
    lastSeenAt: z.string().nullable().openapi({ description: 'The latest purchase, refund or event; null when there is none' }),
    orders: z.number().int().openapi({ description: 'All orders, in any currency' }),
    revenue: z.number().openapi({
      description: 'Net revenue in the app’s currency, major units: its orders in that currency less its refunds in it (may be negative)',
    }),
    refunds: z.number().openapi({ description: 'What was given back, in the app’s currency, major units' }),
  })
  .openapi('CustomerSummary')

export const PurchaseItemSchema = z
  .object({
    productId: z.string().nullable(),
    name: z.string(),
    category: z.string().nullable(),
    quantity: z.number().int(),
    price: z.number(),
  })
  .openapi('PurchaseItem')

export const PurchaseSchema = z
  .object({
    orderId: z.string(),
    userId: z.string(),
    amount: z.number(),
    currency: z.string(),
    timestamp: z.string(),
    items: z.array(PurchaseItemSchema),
    properties: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Purchase')

export const TimelineEntrySchema = z
  .object({
    type: z.enum(['signed_up', 'profile_updated', 'purchase', 'refund', 'event']),
    at: z.string(),
    fields: z.array(z.string()).optional().openapi({ description: 'profile_updated: the fields the update gave' }),
    orderId: z.string().nullable().optional().openapi({ description: 'purchase: its order; refund: the refunded order, null for a refund of the customer' }),
    amount: z.number().optional().openapi({ description: 'purchase, refund: in major units of its currency' }),
    currency: z.string().optional(),
    refundId: z.string().optional(),
    reason: z.string().nullable().optional().openapi({ description: 'refund: why, when given' }),
    event: z.string().optional().openapi({ description: 'event: its name' }),
    properties: z.record(z.string(), z.unknown()).nullable().optional().openapi({ description: 'event: its properties as given' }),
  })
  .openapi('TimelineEntry')

export const PredictionsSchema = z
  .object({
    model: z.string(),
    probabilityActive: z.number(),
    expectedPurchases: z.number(),
    expectedRevenue: z.number().nullable(),
    horizonDays: z.number().int(),
    lowConfidence: z.boolean().optional().openapi({ description: 'The model fit sits at a boundary (almost no dropout, or a spend model without a mean)' }),
  })
  .openapi('Predictions')

export const CustomerDetailSchema = z
  .object({
    customer: z.object({
      userId: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      traits: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
    stats: z.object({
      orders: z.number().int().openapi({ description: 'All orders, in any currency, refunded ones included' }),
      revenue: z.number().openapi({ description: 'Net: orders in the app’s currency less refunds in it, major units' }),
      refunds: z.number().openapi({ description: 'What was given back, in the app’s currency, major units' }),
      averageOrderValue: z.number().nullable().openapi({
        description: 'Net per order: `revenue` over the orders in the app’s currency; null without such an order',
      }),
      firstPurchaseAt: z.string().nullable(),
      lastPurchaseAt: z.string().nullable(),
      lastSeenAt: z.string().nullable().openapi({ description: 'The latest purchase, refund or event' }),
    }),
    predictions: PredictionsSchema.nullable(),
    purchases: z.array(PurchaseSchema).openapi({ description: 'The latest 100; page through /v1/purchases?userId= for all' }),
    timeline: z.array(TimelineEntrySchema).openapi({ description: 'Newest first, at most 200 entries' }),
  })
  .openapi('CustomerDetail')

export const page = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name)
