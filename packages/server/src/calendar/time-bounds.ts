import { parseDateTime } from '../time'
import { dayNumber, startOfLocalDay } from './zoned-calendar'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Where a range given as `from` starts (included): a date's local midnight in the app's time zone, or a date-time's
 * instant (one without an offset is wall-clock time in that zone). The text was validated by `DateOrDateTime`.
 *
 * @example
 * rangeStart('2011-12-10', 'Asia/Tokyo')           // Date.parse('2011-12-09T15:00:00Z')
 * rangeStart('2011-12-10T18:00:00Z', 'Asia/Tokyo') // Date.parse('2011-12-10T18:00:00Z')
 */
export function rangeStart(text: string, timeZone: string): number {
  return DATE_ONLY.test(text) ? startOfLocalDay(dayNumber(text), timeZone) : parseDateTime(text, timeZone)
}

/**
 * Where a range given as `to` ends, excluded: a date takes in the whole of that day, so the range ends at the next
 * day's local midnight; a date-time ends the range at its instant.
 *
 * @example
 * rangeEnd('2011-12-10', 'Asia/Tokyo')           // Date.parse('2011-12-10T15:00:00Z'): all of 10 December in Tokyo
 * rangeEnd('2011-12-10T18:00:00Z', 'Asia/Tokyo') // Date.parse('2011-12-10T18:00:00Z')
 */
export function rangeEnd(text: string, timeZone: string): number {
  return DATE_ONLY.test(text) ? startOfLocalDay(dayNumber(text) + 1, timeZone) : parseDateTime(text, timeZone)
}

/**
 * The instant an analysis is made as of, included (what happened at it counts): a date stands for the end of that
 * day in the app's time zone, its last millisecond, so that all of the day counts and none of the next.
 *
 * @example
 * asOfInstant('2011-12-10', 'Asia/Tokyo')           // Date.parse('2011-12-10T14:59:59.999Z')
 * asOfInstant('2011-12-10T18:00:00Z', 'Asia/Tokyo') // Date.parse('2011-12-10T18:00:00Z')
 */
export function asOfInstant(text: string, timeZone: string): number {
  return DATE_ONLY.test(text) ? startOfLocalDay(dayNumber(text) + 1, timeZone) - 1 : parseDateTime(text, timeZone)
}
