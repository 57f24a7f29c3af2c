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

const NetRevenue = z.number().openapi({
  description:
    'Net revenue: `grossRevenue − refunds`, in major units of the app’s currency. A refund counts on its own date, so a refund in ' +
    'March of a January order lowers March; a period can be negative',
  example: 1180.5,
})
const GrossRevenue = z.number().openapi({ description: 'What the period’s orders came to, before refunds', example: 1250 })
const Refunds = z.number().openapi({
  description: 'Money given back in the period (refunds dated in it, whichever period their orders were in)',
  example: 69.5,
})

const SalesPeriodSchema = z.object({
  period: z.string().openapi({ description: '`YYYY-MM-DD` (days; weeks by their Monday) or `YYYY-MM`', example: '2026-03' }),
  revenue: NetRevenue,
  grossRevenue: GrossRevenue,
  refunds: Refunds,
  orders: z.number().int().openapi({ description: 'Orders placed in the period (a refunded order stays counted)' }),
  customers: z.number().int().openapi({ description: 'Customers who placed an order in the period' }),
  newCustomers: z.number().int().openapi({ description: 'Customers whose first order ever falls in the period' }),
  partial: z.boolean().openapi({
    description:
      'The period is not over in the report: `to` or `asOf` cuts it short (the current month when `asOf` is mid-month, a week ' +
      'that `to` ends inside, or a period wholly after `asOf`). Its figures are not comparable with whole periods: draw it as ' +
      'such, not as a drop',
  }),
})

// The report's fields but its top customers, shared by the full form and the embed token's.
const SalesReportFields = z.object({
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  interval: z.enum(['day', 'week', 'month']),
  totals: z.object({
    revenue: NetRevenue,
    grossRevenue: GrossRevenue,
    refunds: Refunds,
    orders: z.number().int(),
    customers: z.number().int(),
    newCustomers: z.number().int(),
    averageOrderValue: z.number().openapi({ description: 'Net revenue over orders; 0 without orders' }),
    repeatCustomerRate: z
      .number()
      .openapi({ description: 'Share (0..1) of the range’s customers who had placed at least two orders by its end' }),
    refundRate: z.number().nullable().openapi({
      description:
        '`refunds / grossRevenue` (0..1, or above 1 when a range gives back more than it sells), unrounded; `null` when ' +
        '`grossRevenue` is 0, where no rate exists',
      example: 0.0556,
    }),
  }),
  series: z.array(SalesPeriodSchema),
  topProducts: z
    .array(
      z.object({
        product: z.string(),
        productId: z.string(),
        revenue: z.number().openapi({ description: 'Net: what the product sold less what refunds in the range took off it' }),
        orders: z.number().int().openapi({ description: 'Orders in the range with the product' }),
        quantity: z.number().openapi({ description: 'Units sold less units given back' }),
      }),
    )
    .openapi({
      description:
        'The best products by net revenue. A refund that lists `items` takes those items (price × quantity, and their quantity) off ' +
        'their products. A refund of an order without `items` takes the refunded share of the order (its amount over the order’s) ' +
        'off each of the order’s items, and their quantities only when it gives the whole order back. A refund of the customer ' +
        'alone without `items` lowers the totals, no product',
    }),
  otherCurrencies: z
    .array(
      z.object({
        currency: z.string(),
        revenue: z.number().openapi({ description: 'Net of that currency’s refunds, in its major units' }),
        grossRevenue: z.number(),
        refunds: z.number(),
        orders: z.number().int(),
      }),
    )
    .openapi({ description: 'Purchases and refunds in currencies other than the app’s, each currency on its own, never added to the totals' }),
})

export const SalesReportSchema = SalesReportFields.extend({
  topCustomers: z
    .array(z.object({ userId: z.string(), name: z.string().nullable(), revenue: z.number(), orders: z.number().int() }))
    .openapi({ description: 'The best customers of the range by net revenue: their orders in it less their refunds dated in it' }),
}).openapi('SalesReport')

export const EmbedSalesReportSchema = SalesReportFields.extend({
  topCustomers: z
    .array(z.object({ rank: z.number().int().min(1), revenue: z.number(), orders: z.number().int() }))
    .openapi({ description: 'The best customers by net revenue, anonymous: rank, revenue and orders, never who they are' }),
})
  .openapi('EmbedSalesReport', {
    description: 'The sales report as an embed token reads it: the same figures, with no customer’s name or `userId`',
  })

export type SalesReport = z.infer<typeof SalesReportSchema>
export type EmbedSalesReport = z.infer<typeof EmbedSalesReportSchema>
