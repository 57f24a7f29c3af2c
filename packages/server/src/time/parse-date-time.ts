const formatters = new Map<string, Intl.DateTimeFormat>()
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/

/**
 * The offset of a time zone from UTC at an instant, in milliseconds (positive east of Greenwich).
 *
 * @example
 * timeZoneOffset(Date.UTC(2026, 0, 1), 'Europe/Moscow') // 10_800_000
 */
export function timeZoneOffset(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value)
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * Parses an ISO 8601 date-time. One with an offset (`Z`, `+03:00`) is an instant; one without is a wall-clock time
 * in `timeZone` (the app's), as a shop's own exports write them.
 *
 * @example
 * parseDateTime('2026-01-01T10:00:00Z', 'Asia/Tokyo')  // Date.UTC(2026, 0, 1, 10)
 * parseDateTime('2026-01-01T10:00:00', 'Asia/Tokyo')   // Date.UTC(2026, 0, 1, 1)
 */
export function parseDateTime(text: string, timeZone: string): number {
  if (HAS_OFFSET.test(text) || timeZone === 'UTC') return Date.parse(HAS_OFFSET.test(text) ? text : `${text}Z`)
  const asUtc = Date.parse(`${text}Z`)
  const guess = asUtc - timeZoneOffset(asUtc, timeZone)
  // Around a DST change the offset at the guess can differ from the one at the wall time: correct once.
  return asUtc - timeZoneOffset(guess, timeZone)
}
