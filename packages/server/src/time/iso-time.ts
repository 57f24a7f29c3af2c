/**
 * An epoch-milliseconds time as the API writes it (ISO 8601, UTC, `Z`), keeping `null` as `null`.
 *
 * @example
 * isoTime(0)    // '1970-01-01T00:00:00.000Z'
 * isoTime(null) // null
 */
export function isoTime(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString()
}
