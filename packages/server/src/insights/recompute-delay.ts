/** The share of the main thread background recomputation may take while new data keeps coming. */
export const BACKGROUND_SHARE = 0.1

/**
 * How long to wait after new data before recomputing an app's insights: at least the debounce, and long enough that
 * the recomputation (which runs on the main thread) takes at most a tenth of it, so steady ingestion into a large app
 * keeps ~90 % of the server's time.
 *
 * @example
 * recomputeDelay(2000, 2500) // 22 500: a 2.5 s computation runs at most every 25 s
 */
export function recomputeDelay(debounceMs: number, lastDurationMs: number): number {
  return Math.max(debounceMs, Math.round((lastDurationMs * (1 - BACKGROUND_SHARE)) / BACKGROUND_SHARE))
}
