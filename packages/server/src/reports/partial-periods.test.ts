import { describe, expect, it } from 'vitest'
import { dayNumber, periodStarts, startOfLocalDay } from '../calendar'
import { partialPeriods } from './partial-periods'

const day = dayNumber

describe('partialPeriods', () => {
  const months = periodStarts(day('2026-01-01'), day('2026-06-30'), 'month')

  it('marks the month that asOf falls inside', () => {
    expect(partialPeriods(months, Date.parse('2026-06-15T12:00:00Z'), 'UTC')).toEqual([false, false, false, false, false, true])
  })

  it('marks every month after asOf too, and none when the range ends at the last instant of a month', () => {
    expect(partialPeriods(months, Date.parse('2026-04-30T12:00:00Z'), 'UTC')).toEqual([false, false, false, true, true, true])
    const endOfJune = startOfLocalDay(day('2026-07-01'), 'Europe/Moscow') - 1
    expect(partialPeriods(months, endOfJune, 'Europe/Moscow')).toEqual([false, false, false, false, false, false])
    // The same instant is 23:59 on 30 June in Moscow but still June's afternoon in New York.
    expect(partialPeriods(months, endOfJune, 'America/New_York').at(-1)).toBe(true)
  })

  it('marks a week that a `to` inside it cuts short', () => {
    const weeks = periodStarts(day('2026-03-02'), day('2026-03-11'), 'week') // Mondays 2 and 9 March
    const endOfTo = startOfLocalDay(day('2026-03-12'), 'UTC') - 1
    expect(partialPeriods(weeks, endOfTo, 'UTC')).toEqual([false, true])
  })
})
