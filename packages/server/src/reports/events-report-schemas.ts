import { z } from '@hono/zod-openapi'
import { DateOrDateTime } from '../schemas'
import { AnalysisQuery } from './schemas'

export const EventsReportQuery = AnalysisQuery.extend({
  from: DateOrDateTime.optional().openapi({
    description:
      'Start, included: a date (its start in the app’s time zone: the first day of the report) or a date-time (events from that ' +
      'instant). Default: 30 days, 12 weeks or 12 months before `to`',
    example: '2026-01-01',
  }),
  to: DateOrDateTime.optional().openapi({
    description:
      'End: a date is included to the end of that day in the app’s time zone (the last day of the report); a date-time is ' +
      'excluded (events before that instant). Default: the day of `asOf`',
    example: '2026-12-31',
  }),
  interval: z.enum(['day', 'week', 'month']).default('day').openapi({ description: 'Weeks start on Monday' }),
  top: z.coerce.number().int().min(1).max(100).default(10).openapi({ description: 'How many of the most frequent events to name (default 10)' }),
})

const EventsPeriodSchema = z.object({
  period: z.string().openapi({ description: '`YYYY-MM-DD` (days; weeks by their Monday) or `YYYY-MM`', example: '2026-03' }),
  events: z
    .record(z.string(), z.number().int())
    .openapi({ description: 'The period’s count of each event in `topEvents` (zeros included)', example: { 'Viewed pricing': 120, 'Opened support ticket': 4 } }),
  total: z.number().int().openapi({ description: 'Every event of the period, the names outside `topEvents` too' }),
  partial: z.boolean().openapi({ description: 'True when `to` or `asOf` ends the report before the period ends' }),
})

export const EventsReportSchema = z
  .object({
    from: z.string().openapi({ description: 'First day of the report, `YYYY-MM-DD`', example: '2026-01-01' }),
    to: z.string().openapi({ description: 'Last day of the report, included', example: '2026-12-31' }),
    interval: z.enum(['day', 'week', 'month']),
    totals: z.object({
      events: z.number().int(),
      customers: z.number().int().openapi({ description: 'Customers with at least one event in the range' }),
    }),
    series: z.array(EventsPeriodSchema),
    topEvents: z
      .array(
        z.object({
          event: z.string(),
          count: z.number().int(),
          customers: z.number().int().openapi({ description: 'Customers with at least one such event in the range' }),
        }),
      )
      .openapi({ description: 'The most frequent events of the range, most first (ties by name)' }),
  })
  .openapi('EventsReport', {
    description: 'Custom events by period and by name. It holds no personal data, so an embed token reads it as it is.',
  })

export type EventsReport = z.infer<typeof EventsReportSchema>
