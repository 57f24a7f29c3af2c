import { describe, expect, it } from 'vitest'
import { MAX_FUTURE_MS, timestampFault } from './event-timestamp'

describe('timestampFault', () => {
  const now = Date.parse('2026-03-01T12:00:00Z')

  it('takes any time from 1970 to 24 hours ahead', () => {
    for (const timestamp of [0, now - 1e12, now, now + MAX_FUTURE_MS]) expect(timestampFault(timestamp, now)).toBeUndefined()
  })

  it('refuses a time past 24 hours ahead, or before 1970', () => {
    expect(timestampFault(now + MAX_FUTURE_MS + 1, now)).toBe('must not be more than 24 hours ahead')
    expect(timestampFault(-1, now)).toBe('must not be before 1970')
  })
})
