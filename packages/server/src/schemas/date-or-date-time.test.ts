import { describe, expect, it } from 'vitest'
import { DateOrDateTime, isDateOrDateTime } from './date-or-date-time'

describe('isDateOrDateTime', () => {
  it.each(['2011-12-10', '2012-02-29', '2011-12-10T18:00:00Z', '2011-12-10T18:00:00.250+09:00', '2011-12-10T18:00:00', '2011-12-10 18:00:00'])(
    'takes %s',
    (text) => expect(isDateOrDateTime(text)).toBe(true),
  )

  it.each(['2011-02-30', '2011-02-29', '2011-13-01', '10.12.2011', '2011-12-10T25:00:00Z', 'yesterday', '', '2011-12'])('refuses %s', (text) => {
    expect(isDateOrDateTime(text)).toBe(false)
  })

  it('words the refusal with both forms', () => {
    const result = DateOrDateTime.safeParse('last-week')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/date such as 2011-12-10 .* date-time/)
  })
})
