import { describe, expect, it } from 'vitest'
import { AttemptWindow } from './attempt-window'
import { TokenBucketLimiter } from './token-bucket'

describe('TokenBucketLimiter', () => {
  it('allows a burst, refuses past it with a Retry-After, and refills with time', () => {
    let now = 0
    const limiter = new TokenBucketLimiter({ ratePerSecond: 2, burst: 3, now: () => now })
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true])
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(limiter.take('other').allowed).toBe(true)
    now = 500
    expect(limiter.take('k').allowed).toBe(true)
    expect(limiter.take('k').allowed).toBe(false)
  })
})

describe('AttemptWindow', () => {
  it('blocks after the maximum attempts until the window ends, forgives one, and resets', () => {
    let now = 0
    const window = new AttemptWindow({ maxAttempts: 3, windowMs: 60_000, now: () => now })
    for (let i = 0; i < 3; i++) {
      expect(window.retryAfterSeconds('a')).toBe(0)
      window.count('a')
    }
    expect(window.retryAfterSeconds('a')).toBe(60)
    window.forgive('a')
    expect(window.retryAfterSeconds('a')).toBe(0)
    window.count('a')
    now = 30_000
    expect(window.retryAfterSeconds('a')).toBe(30)
    now = 60_000
    expect(window.retryAfterSeconds('a')).toBe(0)
    window.count('b')
    window.reset('b')
    expect(window.retryAfterSeconds('b')).toBe(0)
  })
})
