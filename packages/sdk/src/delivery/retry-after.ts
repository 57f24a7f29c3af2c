/**
 * Milliseconds to wait from a `Retry-After` header, which is either delay-seconds or an HTTP date.
 *
 * @example parseRetryAfter('3', Date.now()) // 3000
 * @example parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.now())
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header?.trim()) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
