import { z } from '@hono/zod-openapi'
import { AsOf, DateOrDateTime, LanguageTag } from '../schemas'

/** `asOf` and `lang`, accepted by every report and insight. */
export const AnalysisQuery = z.object({
  asOf: AsOf.optional(),
  lang: LanguageTag.optional(),
})

export const SalesReportQuery = AnalysisQuery.extend({
  from: DateOrDateTime.optional().openapi({
    description:
      'Start, included: a date (its start in the app’s time zone: the first day of the report) or a date-time (purchases from that ' +
      'instant). Default: 30 days, 12 weeks or 12 months before `to`',
    example: '2011-12-01',
  }),
  to: DateOrDateTime.optional().openapi({
    description:
      'End: a date is included to the end of that day in the app’s time zone (the last day of the report); a date-time is ' +
      'excluded (purchases before that instant). Default: the day of `asOf`',
    example: '2011-12-10',
  }),
  interval: z.enum(['day', 'week', 'month']).default('day').openapi({ description: 'Weeks start on Monday' }),
})

const SalesPeriodSchema = z.object({
  period: z.string().openapi({ description: '`YYYY-MM-DD` (days; weeks by their Monday) or `YYYY-MM`', example: '2026-03' }),
  revenue: z.number(),
  orders: z.number().int(),
  customers: z.number().int(),
  newCustomers: z.number().int().openapi({ description: 'Customers whose first order ever falls in the period' }),
})

// The report's fields but its top customers, shared by the full form and the embed token's.
const SalesReportFields = z.object({
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  interval: z.enum(['day', 'week', 'month']),
  totals: z.object({
    revenue: z.number(),
    orders: z.number().int(),
    customers: z.number().int(),
    newCustomers: z.number().int(),
    averageOrderValue: z.number(),
    repeatCustomerRate: z
      .number()
      .openapi({ description: 'Share (0..1) of the range’s customers who had placed at least two orders by its end' }),
  }),
  series: z.array(SalesPeriodSchema),
  topProducts: z.array(z.object({ product: z.string(), productId: z.string(), revenue: z.number(), orders: z.number().int(), quantity: z.number() })),
  otherCurrencies: z.array(z.object({ currency: z.string(), revenue: z.number(), orders: z.number().int() })),
})

export const SalesReportSchema = SalesReportFields.extend({
  topCustomers: z.array(z.object({ userId: z.string(), name: z.string().nullable(), revenue: z.number(), orders: z.number().int() })),
}).openapi('SalesReport')

export const EmbedSalesReportSchema = SalesReportFields.extend({
  topCustomers: z
    .array(z.object({ rank: z.number().int().min(1), revenue: z.number(), orders: z.number().int() }))
    .openapi({ description: 'The best customers by revenue, anonymous: rank, revenue and orders, never who they are' }),
})
  .openapi('EmbedSalesReport', {
    description: 'The sales report as an embed token reads it: the same figures, with no customer’s name or `userId`',
  })

export type SalesReport = z.infer<typeof SalesReportSchema>
export type EmbedSalesReport = z.infer<typeof EmbedSalesReportSchema>
