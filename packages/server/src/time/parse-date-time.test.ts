import { describe, expect, it } from 'vitest'
import { parseDateTime, timeZoneOffset, withTSeparator } from './parse-date-time'

describe('parseDateTime', () => {
  it('takes an instant with an offset as it is', () => {
    expect(parseDateTime('2026-01-01T10:00:00Z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 1, 10))
    expect(parseDateTime('2026-01-01T10:00:00+03:00', 'UTC')).toBe(Date.UTC(2026, 0, 1, 7))
  })

  it('reads a time without an offset in the given time zone, across DST', () => {
    expect(parseDateTime('2026-01-01T10:00:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 1, 1))
    expect(parseDateTime('2026-01-01T10:00:00', 'UTC')).toBe(Date.UTC(2026, 0, 1, 10))
    expect(parseDateTime('2026-01-15T12:00:00', 'Europe/London')).toBe(Date.UTC(2026, 0, 15, 12))
    expect(parseDateTime('2026-07-15T12:00:00', 'Europe/London')).toBe(Date.UTC(2026, 6, 15, 11))
    expect(parseDateTime('2026-03-29T03:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30))
  })

  it('reads a space between date and time as the T (RFC 3339), with or without an offset', () => {
    expect(['2010-12-01 08:26', '2010-12-01T08:26', '2010-12-01'].map(withTSeparator)).toEqual(['2010-12-01T08:26', '2010-12-01T08:26', '2010-12-01'])
    expect(parseDateTime('2010-12-01 08:26:00', 'Europe/London')).toBe(Date.UTC(2010, 11, 1, 8, 26))
    expect(parseDateTime('2011-07-01 00:30', 'Europe/London')).toBe(Date.UTC(2011, 5, 30, 23, 30))
    expect(parseDateTime('2026-01-01 10:00:00Z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 1, 10))
    expect(parseDateTime('2026-01-01 10:00:00.5+03:00', 'UTC')).toBe(Date.UTC(2026, 0, 1, 7, 0, 0, 500))
  })

  it('reads UTC date-times as Date.parse does, the common form digit by digit', () => {
    const samples = ['2026-01-01T10:00:00Z', '2026-01-01T10:00:00.123Z', '2024-02-29T23:59:59.999Z', '2026-02-31T00:00:00Z']
    samples.push('0099-01-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-13-01T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01T10:00:00z')
    samples.push('2026-01-01T10:00:0xZ', '2026-01-01 10:00:00Z', '2026-01-01T10:00:00.12Z', '2026-01-01T10:00:00,123Z')
    for (let n = 0; n < 500; n++) samples.push(new Date(Date.UTC(1970, 0, 1) + n * 7_919_993_117).toISOString())
    for (const text of samples) expect({ text, at: parseDateTime(text, 'UTC') }).toEqual({ text, at: Date.parse(text) })
  })

  it('knows offsets', () => {
    expect(timeZoneOffset(Date.UTC(2026, 0, 1), 'Europe/Moscow')).toBe(3 * 3600_000)
    expect(timeZoneOffset(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-4 * 3600_000)
  })
})
