import { type Interval, localDay, nextPeriodStart, periodStart, rangeEnd, rangeStart, startOfLocalDay } from '../calendar'
import { ApiError } from '../http/api-error'

// About ten years of days: a longer range is a mistake, and its series would be a very large answer.
const MAX_RANGE_DAYS = 3700

/** What `salesFigures` reads: whole local days, and the instants that cut the first and the last one short. */
export type ReportRange = {
  fromDay: number
  toDay: number
  /** Purchases after this instant are not counted: `asOf`, or a date-time `to` inside the last day. */
  asOf: number
  /** Purchases before this instant are not counted: a date-time `from` inside the first day. */
  since?: number
}

/**
 * The days and instants a sales report covers, from its `from` and `to` (each a date or a date-time, read in the
 * app's time zone) and `asOf`: a date is a whole day (`to` included), a date-time an instant (`to` excluded), and
 * a date-time inside a day cuts that day short. Refuses (`400`) a `from` after `to` and a range over ten years.
 *
 * @example
 * reportRange({ from: '2011-12-01', to: '2011-12-10', interval: 'day', asOf: Date.now() }, 'Asia/Tokyo')
 * // { fromDay: <2011-12-01>, toDay: <2011-12-10>, asOf: <now> }
 * reportRange({ to: '2011-12-10T12:00:00', interval: 'day', asOf: Date.now() }, 'Asia/Tokyo')
 * // { ..., toDay: <2011-12-10>, asOf: Date.parse('2011-12-10T02:59:59.999Z') }
 */
export function reportRange(
  request: { from?: string | undefined; to?: string | undefined; interval: Interval; asOf: number },
  timeZone: string,
): ReportRange {
  let asOf = request.asOf
  let toDay = localDay(asOf, timeZone)
  const end = request.to === undefined ? undefined : rangeEnd(request.to, timeZone)
  if (end !== undefined) {
    toDay = localDay(end - 1, timeZone)
    // A to that is not a midnight ends inside its day: cut there as asOf cuts, which the report already sums.
    if (end !== startOfLocalDay(toDay + 1, timeZone)) asOf = Math.min(asOf, end - 1)
  }
  const start = request.from === undefined ? undefined : rangeStart(request.from, timeZone)
  const fromDay = start === undefined ? defaultFromDay(toDay, request.interval) : localDay(start, timeZone)
  if (fromDay > toDay || (start !== undefined && end !== undefined && start >= end)) {
    throw new ApiError(400, 'validation_failed', '`from` must be before `to`.', [{ path: 'from', message: 'must be before `to`' }])
  }
  if (toDay - fromDay > MAX_RANGE_DAYS) {
    throw new ApiError(400, 'validation_failed', `The range may span at most ${MAX_RANGE_DAYS} days.`, [{ path: 'from', message: 'range too long' }])
  }
  const range: ReportRange = { fromDay, toDay, asOf }
  if (start !== undefined && start !== startOfLocalDay(fromDay, timeZone)) range.since = start
  return range
}

function defaultFromDay(toDay: number, interval: Interval): number {
  if (interval === 'day') return toDay - 29
  return nextPeriodStart(periodStart(toDay, interval), interval, -11)
}
