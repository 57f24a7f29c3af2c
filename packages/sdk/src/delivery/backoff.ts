/** How long retries wait: exponential growth from `retryDelay`, capped at `maxRetryDelay`. */
export interface BackoffPolicy {
  retryDelay: number
  maxRetryDelay: number
}

/**
 * Exponential backoff with full jitter (a uniform pick in [0, min(cap, base * 2^(attempt-1))]),
 * so clients that failed together do not retry together.
 *
 * @example fullJitterDelay(3, { retryDelay: 500, maxRetryDelay: 30_000 }) // somewhere in [0, 2000)
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  return random() * Math.min(policy.maxRetryDelay, policy.retryDelay * 2 ** (attempt - 1))
}
