import { describe, expect, it } from 'vitest'
import { dateOfDay, dayNumber, localDay, nextPeriodStart, periodLabel, periodStart, periodStarts, startOfLocalDay, zoneOffset } from './zoned-calendar'

describe('zoned calendar', () => {
  it('knows the offset of a zone, including daylight saving time', () => {
    expect(zoneOffset(Date.UTC(2026, 0, 1), 'Europe/Moscow')).toBe(3 * 3_600_000)
    expect(zoneOffset(Date.UTC(2026, 0, 15), 'America/New_York')).toBe(-5 * 3_600_000)
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'America/New_York')).toBe(-4 * 3_600_000)
    expect(zoneOffset(Date.UTC(2026, 6, 15), 'UTC')).toBe(0)
  })

  it('puts an instant on its local day and finds local midnight', () => {
    expect(dateOfDay(localDay(Date.parse('2026-01-01T22:00:00Z'), 'Europe/Moscow'))).toBe('2026-01-02')
    expect(dateOfDay(localDay(Date.parse('2026-01-01T22:00:00Z'), 'UTC'))).toBe('2026-01-01')
    expect(new Date(startOfLocalDay(dayNumber('2026-01-02'), 'Europe/Moscow')).toISOString()).toBe('2026-01-01T21:00:00.000Z')
    // 2026-03-08 is the day New York moves to summer time (at 02:00, after midnight).
    expect(new Date(startOfLocalDay(dayNumber('2026-03-09'), 'America/New_York')).toISOString()).toBe('2026-03-09T04:00:00.000Z')
    expect(new Date(startOfLocalDay(dayNumber('2026-03-08'), 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z')
  })

  it('starts weeks on Monday and months on the 1st', () => {
    expect(dateOfDay(periodStart(dayNumber('2026-11-21'), 'week'))).toBe('2026-11-16')
    expect(dateOfDay(periodStart(dayNumber('2026-11-16'), 'week'))).toBe('2026-11-16')
    expect(dateOfDay(periodStart(dayNumber('1970-01-01'), 'week'))).toBe('1969-12-29')
    expect(dateOfDay(periodStart(dayNumber('2026-02-28'), 'month'))).toBe('2026-02-01')
    expect(dateOfDay(nextPeriodStart(dayNumber('2026-12-01'), 'month'))).toBe('2027-01-01')
    expect(periodLabel(dayNumber('2026-03-01'), 'month')).toBe('2026-03')
    expect(periodStarts(dayNumber('2026-01-15'), dayNumber('2026-02-03'), 'month').map(dateOfDay)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01'])
  })
})
