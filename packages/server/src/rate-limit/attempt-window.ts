type Window = { attempts: number; startedAt: number }

/**
 * Counts attempts per key in a fixed window and blocks the key once `maxAttempts` are counted, until the window
 * ends. Log-ins count an attempt before the password is checked (so guesses sent in parallel stop at the limit
 * too) and forgive it when it succeeds; sign-ups count every one.
 *
 * @example
 * const logins = new AttemptWindow({ maxAttempts: 5, windowMs: 15 * 60_000 })
 * logins.retryAfterSeconds('ada@example.com') // 0 while allowed
 * logins.count('ada@example.com')
 */
export class AttemptWindow {
  readonly #windows = new Map<string, Window>()
  readonly #max: number
  readonly #windowMs: number
  readonly #now: () => number

  constructor(options: { maxAttempts: number; windowMs: number; now?: () => number }) {
    this.#max = options.maxAttempts
    this.#windowMs = options.windowMs
    this.#now = options.now ?? Date.now
  }

  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const window = this.#current(key)
    if (!window || window.attempts < this.#max) return 0
    return Math.max(1, Math.ceil((window.startedAt + this.#windowMs - this.#now()) / 1000))
  }

  /** Counts one attempt of the key. */
  count(key: string): void {
    const window = this.#current(key) ?? { attempts: 0, startedAt: this.#now() }
    window.attempts += 1
    this.#windows.set(key, window)
    if (this.#windows.size > 100_000) this.#prune()
  }

  /** Takes back one counted attempt (it succeeded). */
  forgive(key: string): void {
    const window = this.#current(key)
    if (window && --window.attempts <= 0) this.#windows.delete(key)
  }

  /** Forgets every attempt of the key. */
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
