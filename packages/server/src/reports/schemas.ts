import { z } from '@hono/zod-openapi'
import { IsoDateTime, Language } from '../schemas'

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-11-21')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real calendar date')

/** `asOf` and `lang`, accepted by every report and insight. */
export const AnalysisQuery = z.object({
  asOf: IsoDateTime.optional().openapi({ description: 'Analyse as of this instant (default now): later purchases are ignored' }),
  lang: Language.optional().openapi({ description: 'Language of the texts (default the app’s language)' }),
})

export const SalesReportQuery = AnalysisQuery.extend({
  from: LocalDate.optional().openapi({ description: 'First day, in the app’s time zone (default: 30 days, 12 weeks or 12 months before `to`)' }),
  to: LocalDate.optional().openapi({ description: 'Last day, included (default: the day of `asOf`)' }),
  interval: z.enum(['day', 'week', 'month']).default('day').openapi({ description: 'Weeks start on Monday' }),
})

const SalesPeriodSchema = z.object({
  period: z.string().openapi({ description: '`YYYY-MM-DD` (days; weeks by their Monday) or `YYYY-MM`', example: '2026-03' }),
  revenue: z.number(),
  orders: z.number().int(),
  customers: z.number().int(),
  newCustomers: z.number().int().openapi({ description: 'Customers whose first order ever falls in the period' }),
})

export const SalesReportSchema = z
  .object({
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
    topCustomers: z.array(z.object({ userId: z.string(), name: z.string().nullable(), revenue: z.number(), orders: z.number().int() })),
    otherCurrencies: z.array(z.object({ currency: z.string(), revenue: z.number(), orders: z.number().int() })),
  })
  .openapi('SalesReport')

export type SalesReport = z.infer<typeof SalesReportSchema>
