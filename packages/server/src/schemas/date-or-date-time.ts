import { z } from '@hono/zod-openapi'
import { isEventDateTime } from './common'

const isoDate = z.iso.date()

/**
 * Whether `text` is a real calendar date (`YYYY-MM-DD`) or an ISO 8601 date-time with or without an offset (a space
 * may stand for the `T`): what `asOf`, `from` and `to` take. What a date or a local time means depends on the app's
 * time zone, so the value stays text here and `calendar` turns it into an instant where the app is known.
 *
 * @example
 * isDateOrDateTime('2011-12-10')           // true
 * isDateOrDateTime('2011-12-10T18:00:00Z') // true
 * isDateOrDateTime('2011-02-30')           // false
 */
export function isDateOrDateTime(text: string): boolean {
  return isoDate.safeParse(text).success || isEventDateTime(text)
}

/**
 * A query's `asOf`, `from` or `to`: a date or a date-time (`isDateOrDateTime`). Give each use its own description:
 * which end of the day a date stands for differs.
 *
 * @example
 * const Query = z.object({ asOf: DateOrDateTime.optional().openapi({ description: '...' }) })
 */
export const DateOrDateTime = z
  .string()
  .refine(isDateOrDateTime, 'must be a date such as 2011-12-10 or an ISO 8601 date-time such as 2011-12-10T18:00:00Z')
  .openapi({ example: '2011-12-10' })

/**
 * `asOf` of a report, an insight, a customer or a question: an instant, included. A date stands for the end of that
 * day in the app's time zone (`calendar`'s `asOfInstant`).
 *
 * @example
 * const Query = z.object({ asOf: AsOf.optional() })
 */
export const AsOf = DateOrDateTime.openapi({
  description:
    'Analyse as of this instant, included (default now): what happened later is ignored. A date-time (without an offset: ' +
    'in the app’s time zone) or a date (`2011-12-10`), which stands for the end of that day in the app’s time zone',
  example: '2011-12-10',
})
