export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

type Bucket = { tokens: number; updatedAt: number }

/**
 * Token-bucket rate limiting per key (an API key, an IP): `ratePerSecond` sustained, bursts up to `burst`.
 * Idle buckets are forgotten, so memory stays bounded by the number of recently active keys.
 *
 * @example
 * const limiter = new TokenBucketLimiter({ ratePerSecond: 100 })
 * limiter.take('203.0.113.7') // { allowed: true }
 */
export class TokenBucketLimiter {
  readonly #rate: number
  readonly #burst: number
  readonly #buckets = new Map<string, Bucket>()
  readonly #now: () => number
  #lastSweep = 0

  constructor(options: { ratePerSecond: number; burst?: number; now?: () => number }) {
    this.#rate = options.ratePerSecond
    this.#burst = options.burst ?? options.ratePerSecond
    this.#now = options.now ?? Date.now
  }

  take(key: string, cost = 1): RateDecision {
    const now = this.#now()
    this.#sweep(now)
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, updatedAt: now }
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.#rate)
    bucket.updatedAt = now
    this.#buckets.set(key, bucket)
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost
      return { allowed: true }
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / this.#rate)) }
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < 60_000) return
    this.#lastSweep = now
    const fullAfterMs = (this.#burst / this.#rate) * 1000
    for (const [key, bucket] of this.#buckets) if (now - bucket.updatedAt > fullAfterMs) this.#buckets.delete(key)
  }
}
