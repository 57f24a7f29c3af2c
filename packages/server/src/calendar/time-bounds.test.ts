import { describe, expect, it } from 'vitest'
import { asOfInstant, rangeEnd, rangeStart } from './time-bounds'

describe('time bounds of a query', () => {
  it('reads a date as the start of that day in the app’s time zone for from, the next midnight for to', () => {
    expect(rangeStart('2011-12-10', 'Asia/Tokyo')).toBe(Date.parse('2011-12-09T15:00:00Z'))
    expect(rangeEnd('2011-12-10', 'Asia/Tokyo')).toBe(Date.parse('2011-12-10T15:00:00Z'))
    expect(rangeStart('2011-12-10', 'America/New_York')).toBe(Date.parse('2011-12-10T05:00:00Z'))
    expect(rangeEnd('2011-12-10', 'America/New_York')).toBe(Date.parse('2011-12-11T05:00:00Z'))
    expect(rangeEnd('2011-12-10', 'UTC')).toBe(Date.parse('2011-12-11T00:00:00Z'))
  })

  it('reads a date as the last millisecond of that day for asOf', () => {
    expect(asOfInstant('2011-12-10', 'Asia/Tokyo')).toBe(Date.parse('2011-12-10T14:59:59.999Z'))
    expect(asOfInstant('2011-12-10', 'America/New_York')).toBe(Date.parse('2011-12-11T04:59:59.999Z'))
  })

  it('follows daylight saving: a day of 23 hours ends at its own next midnight', () => {
    // 2026-03-08: New York springs forward; the day runs from 05:00Z to 04:00Z the next day.
    expect(rangeEnd('2026-03-08', 'America/New_York') - rangeStart('2026-03-08', 'America/New_York')).toBe(23 * 3_600_000)
  })

  it('reads a date-time as its instant, one without an offset in the app’s time zone', () => {
    expect(rangeStart('2011-12-10T18:00:00Z', 'Asia/Tokyo')).toBe(Date.parse('2011-12-10T18:00:00Z'))
    expect(rangeEnd('2011-12-10T18:00:00+03:00', 'Asia/Tokyo')).toBe(Date.parse('2011-12-10T15:00:00Z'))
    expect(asOfInstant('2011-12-10T18:00:00', 'Asia/Tokyo')).toBe(Date.parse('2011-12-10T09:00:00Z'))
    expect(asOfInstant('2011-12-10 18:00:00', 'Asia/Tokyo')).toBe(Date.parse('2011-12-10T09:00:00Z'))
  })
})
