import type { ErrorIssue } from '../http/api-error'
import { parseDateTime } from '../time'

/** A timestamp may be at most this far ahead of the server's clock. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000

/**
 * An event's time in epoch milliseconds: `now` when the event gave none, else the given date-time (without an
 * offset, in the app's time zone). A time more than 24 h ahead of `now`, or before 1970, adds an issue at `path`.
 *
 * @example
 * const issues: ErrorIssue[] = []
 * readEventTimestamp('2026-01-01 10:00:00', Date.now(), 'Europe/London', 'timestamp', issues) // 1767261600000
 */
export function readEventTimestamp(given: string | undefined, now: number, timeZone: string, path: string, issues: ErrorIssue[]): number {
  if (given === undefined) return now
  const timestamp = parseDateTime(given, timeZone)
  if (timestamp > now + MAX_FUTURE_MS) issues.push({ path, message: 'must not be more than 24 hours ahead' })
  if (timestamp < 0) issues.push({ path, message: 'must not be before 1970' })
  return timestamp
}
