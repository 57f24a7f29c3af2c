import { startOfLocalDay } from '../calendar'

/**
 * Which periods the report's end cuts short: those that end after the last instant counted (`asOf`, or the end of
 * `to`), including periods that lie wholly after it. `starts` are the periods' first local days, then the day after
 * the last one (as `periodStarts` gives them). Only a tail of the periods can be partial, so the zone is consulted
 * for those and one more, not for every period.
 *
 * @example
 * // Months of 2026 to the end of June, asOf 15 June: only June is partial.
 * partialPeriods(periodStarts(dayNumber('2026-01-01'), dayNumber('2026-06-30'), 'month'), Date.parse('2026-06-15T12:00:00Z'), 'UTC')
 * // [false, false, false, false, false, true]
 */
export function partialPeriods(starts: readonly number[], lastCounted: number, timeZone: string): boolean[] {
  const periods = starts.length - 1
  const partial = new Array<boolean>(Math.max(0, periods)).fill(false)
  // The counted instants are integer ms up to lastCounted included; a period ending at `end` (excluded) is whole
  // when lastCounted reaches end - 1.
  for (let p = periods - 1; p >= 0 && lastCounted < startOfLocalDay(starts[p + 1] as number, timeZone) - 1; p--) partial[p] = true
  return partial
}
