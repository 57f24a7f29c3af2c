import { timeZoneOffset } from '../time'

const DAY_MS = 86_400_000

export type Interval = 'day' | 'week' | 'month'

/**
 * How far the zone's wall clock is ahead of UTC at an instant, in milliseconds.
 *
 * @example
 * zoneOffset(Date.UTC(2026, 0, 1), 'Europe/Moscow') // 10_800_000
 */
export function zoneOffset(time: number, timeZone: string): number {
  return timeZone === 'UTC' ? 0 : timeZoneOffset(time, timeZone)
}

/**
 * The local calendar day of an instant, as a day number (days since 1970-01-01).
 *
 * @example
 * localDay(Date.parse('2026-01-01T22:00:00Z'), 'Europe/Moscow') // day number of 2026-01-02
 */
export function localDay(time: number, timeZone: string): number {
  return Math.floor((time + zoneOffset(time, timeZone)) / DAY_MS)
}

/**
 * The instant a local day starts (local midnight), in UTC milliseconds.
 *
 * @example
 * startOfLocalDay(dayNumber('2026-01-02'), 'Europe/Moscow') // Date.parse('2026-01-01T21:00:00Z')
 */
export function startOfLocalDay(day: number, timeZone: string): number {
  const wallClock = day * DAY_MS
  const first = wallClock - zoneOffset(wallClock, timeZone)
  // Near a DST change the offset at the guess differs from the offset at the answer: one correction settles it.
  return wallClock - zoneOffset(first, timeZone)
}

/**
 * Day number of a `YYYY-MM-DD` date.
 *
 * @example
 * dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

/**
 * `YYYY-MM-DD` of a day number.
 *
 * @example
 * dateOfDay(1) // '1970-01-02'
 */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/**
 * The first day of the period (Monday-based ISO weeks, calendar months) that holds a day.
 *
 * @example
 * periodStart(dayNumber('2026-03-18'), 'month') === dayNumber('2026-03-01')
 */
export function periodStart(day: number, interval: Interval): number {
  if (interval === 'day') return day
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it.
  if (interval === 'week') return day - ((((day + 3) % 7) + 7) % 7)
  const date = new Date(day * DAY_MS)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS
}

/**
 * The first day of the period after the one starting at `start` (or `count` periods later).
 *
 * @example
 * nextPeriodStart(dayNumber('2026-01-01'), 'month') === dayNumber('2026-02-01')
 */
export function nextPeriodStart(start: number, interval: Interval, count = 1): number {
  if (interval === 'day') return start + count
  if (interval === 'week') return start + 7 * count
  const date = new Date(start * DAY_MS)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1) / DAY_MS
}

/**
 * The label of a period in reports: `YYYY-MM-DD` for days and weeks (the Monday), `YYYY-MM` for months.
 *
 * @example
 * periodLabel(dayNumber('2026-03-01'), 'month') // '2026-03'
 */
export function periodLabel(start: number, interval: Interval): string {
  const date = dateOfDay(start)
  return interval === 'month' ? date.slice(0, 7) : date
}

/**
 * Start days of the periods covering `[fromDay, toDay]`, plus the start of the period after the last one.
 *
 * @example
 * periodStarts(dayNumber('2026-01-15'), dayNumber('2026-02-03'), 'month').map(dateOfDay) // ['2026-01-01', '2026-02-01', '2026-03-01']
 */
export function periodStarts(fromDay: number, toDay: number, interval: Interval): number[] {
  const starts: number[] = []
  let start = periodStart(fromDay, interval)
  while (start <= toDay) {
    starts.push(start)
    start = nextPeriodStart(start, interval)
  }
  starts.push(start)
  return starts
}
