/** A timestamp may be at most this far ahead of the server's clock. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000

/**
 * What is wrong with an event's time (epoch milliseconds) received at `now`, in words for an issue's `message`:
 * more than 24 h ahead, or before 1970; undefined when nothing is. A string is built only for a fault, so checking
 * the time of every purchase of a batch allocates nothing.
 *
 * @example
 * timestampFault(Date.now() + 25 * 3600_000, Date.now()) // 'must not be more than 24 hours ahead'
 * timestampFault(Date.parse('2026-01-01T10:00:00Z'), Date.now()) // undefined
 */
export function timestampFault(timestamp: number, now: number): string | undefined {
  if (timestamp > now + MAX_FUTURE_MS) return 'must not be more than 24 hours ahead'
  if (timestamp < 0) return 'must not be before 1970'
  return undefined
}
