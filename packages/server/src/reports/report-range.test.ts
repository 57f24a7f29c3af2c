import { describe, expect, it } from 'vitest'
import { dayNumber } from '../calendar'
import { ApiError } from '../http/api-error'
import { reportRange } from './report-range'

const now = Date.parse('2012-01-01T00:00:00Z')
const day = dayNumber

describe('reportRange', () => {
  it('reads dates as whole days of the app’s time zone, leaving asOf alone', () => {
    expect(reportRange({ from: '2011-12-01', to: '2011-12-10', interval: 'day', asOf: now }, 'Asia/Tokyo')).toEqual({
      fromDay: day('2011-12-01'),
      toDay: day('2011-12-10'),
      asOf: now,
    })
  })

  it('cuts the first and last days at date-times inside them, to excluded', () => {
    expect(reportRange({ from: '2011-12-09T12:00:00', to: '2011-12-10T12:00:00', interval: 'day', asOf: now }, 'Asia/Tokyo')).toEqual({
      fromDay: day('2011-12-09'),
      toDay: day('2011-12-10'),
      asOf: Date.parse('2011-12-10T02:59:59.999Z'),
      since: Date.parse('2011-12-09T03:00:00Z'),
    })
  })

  it('reads a date-time at local midnight as a whole day: from starts it, to ends the day before', () => {
    expect(reportRange({ from: '2011-12-09T00:00:00+09:00', to: '2011-12-11T00:00:00', interval: 'day', asOf: now }, 'Asia/Tokyo')).toEqual({
      fromDay: day('2011-12-09'),
      toDay: day('2011-12-10'),
      asOf: now,
    })
  })

  it('keeps an earlier asOf over a later to', () => {
    const asOf = Date.parse('2011-12-10T00:00:00Z')
    expect(reportRange({ to: '2011-12-10T12:00:00', interval: 'day', asOf }, 'Asia/Tokyo').asOf).toBe(asOf)
  })

  it('defaults to the day of asOf and 30 days, 12 weeks or 12 months before it', () => {
    const asOf = Date.parse('2011-12-10T16:00:00Z') // the 11th in Tokyo
    expect(reportRange({ interval: 'day', asOf }, 'Asia/Tokyo')).toEqual({ fromDay: day('2011-11-12'), toDay: day('2011-12-11'), asOf })
    expect(reportRange({ interval: 'month', asOf }, 'Asia/Tokyo').fromDay).toBe(day('2011-01-01'))
  })

  it('refuses a from after to, also within one day, and a range over ten years', () => {
    const refusal = (request: Parameters<typeof reportRange>[0]) => {
      try {
        reportRange(request, 'Asia/Tokyo')
      } catch (error) {
        return error instanceof ApiError ? [error.status, error.issues?.[0]?.path] : error
      }
      return 'no error'
    }
    expect(refusal({ from: '2011-12-11', to: '2011-12-10', interval: 'day', asOf: now })).toEqual([400, 'from'])
    expect(refusal({ from: '2011-12-10T12:00:00', to: '2011-12-10T12:00:00', interval: 'day', asOf: now })).toEqual([400, 'from'])
    expect(refusal({ from: '2000-01-01', to: '2011-12-10', interval: 'day', asOf: now })).toEqual([400, 'from'])
  })
})
