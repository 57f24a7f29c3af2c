/**
 * The date range of the last `months` calendar months up to `asOf` (today when absent), current month
 * included, as `YYYY-MM-DD`.
 *
 * @example
 * reportRange(12, '2026-11-21') // { from: '2025-12-01', to: '2026-11-21' }
 */
export function reportRange(months: number, asOf?: string): { from: string; to: string } {
  const end = asOf ? new Date(asOf) : new Date()
  const valid = Number.isNaN(end.getTime()) ? new Date() : end
  const start = new Date(Date.UTC(valid.getUTCFullYear(), valid.getUTCMonth() - (months - 1), 1))
  return { from: start.toISOString().slice(0, 10), to: valid.toISOString().slice(0, 10) }
}
