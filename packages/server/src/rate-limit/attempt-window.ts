type Window = { failures: number; startedAt: number }

/**
 * Counts failures per key in a fixed window and blocks the key once `maxFailures` is reached,
 * until the window ends. Used for log-in attempts per email and per IP.
 *
 * @example
 * const logins = new FailureWindow({ maxFailures: 5, windowMs: 15 * 60_000 })
 * logins.retryAfterSeconds('ada@example.com') // 0 while allowed
 */
export class FailureWindow {
  readonly #windows = new Map<string, Window>()
  readonly #max: number
  readonly #windowMs: number
  readonly #now: () => number

  constructor(options: { maxFailures: number; windowMs: number; now?: () => number }) {
    this.#max = options.maxFailures
    this.#windowMs = options.windowMs
    this.#now = options.now ?? Date.now
  }

  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const window = this.#current(key)
    if (!window || window.failures < this.#max) return 0
    return Math.max(1, Math.ceil((window.startedAt + this.#windowMs - this.#now()) / 1000))
  }

  fail(key: string): void {
    const window = this.#current(key) ?? { failures: 0, startedAt: this.#now() }
    window.failures += 1
    this.#windows.set(key, window)
    if (this.#windows.size > 100_000) this.#prune()
  }

  reset(key: string): void {
    this.#windows.delete(key)
  }

  #current(key: string): Window | undefined {
    const window = this.#windows.get(key)
    if (window && this.#now() - window.startedAt >= this.#windowMs) {
      this.#windows.delete(key)
      return undefined
    }
    return window
  }

  #prune(): void {
    for (const key of this.#windows.keys()) this.#current(key)
  }
}
