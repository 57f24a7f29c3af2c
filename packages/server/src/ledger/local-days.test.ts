import { describe, expect, it } from 'vitest'
import { dayNumber, localDay } from '../calendar'
import { LocalDayClock, localDays } from './local-days'

describe('local days', () => {
  it('gives the zone’s calendar day, across midnight and a DST change, in and out of order', () => {
    const times = ['2026-03-28T20:59:00Z', '2026-03-28T21:00:00Z', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T22:30:00Z', '2026-03-27T12:00:00Z'].map(Date.parse)
    const clock = new LocalDayClock('Europe/Berlin')
    expect(times.map((time) => clock.dayOf(time))).toEqual(times.map((time) => localDay(time, 'Europe/Berlin')))
    expect(clock.dayOf(Date.parse('2026-03-28T22:59:00Z'))).toBe(dayNumber('2026-03-28'))
    expect(clock.dayOf(Date.parse('2026-03-28T23:00:00Z'))).toBe(dayNumber('2026-03-29'))
    // Berlin moved to UTC+2 at 01:00 UTC on the 29th: the 30th starts at 22:00 UTC.
    expect(clock.dayOf(Date.parse('2026-03-29T21:59:00Z'))).toBe(dayNumber('2026-03-29'))
    expect(clock.dayOf(Date.parse('2026-03-29T22:00:00Z'))).toBe(dayNumber('2026-03-30'))
  })

  it('fills only the first `size` days of a column', () => {
    const ts = Float64Array.of(Date.parse('2026-01-01T10:00:00Z'), Date.parse('2026-01-02T10:00:00Z'), 0)
    expect([...localDays(ts, 2, 'UTC')]).toEqual([dayNumber('2026-01-01'), dayNumber('2026-01-02')])
  })
})
