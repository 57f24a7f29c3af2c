import { expect, test } from 'vitest'
import { fullJitterDelay } from './backoff'

const policy = { retryDelay: 500, maxRetryDelay: 30_000 }

test('grows exponentially up to the cap, the jitter picking within [0, ceiling)', () => {
  expect(fullJitterDelay(1, policy, () => 0.999)).toBeCloseTo(499.5)
  expect(fullJitterDelay(4, policy, () => 0.5)).toBe(2000)
  expect(fullJitterDelay(20, policy, () => 0.5)).toBe(15_000)
  expect(fullJitterDelay(3, policy, () => 0)).toBe(0)
})

test('real jitter spreads retries over the whole window', () => {
  const delays = Array.from({ length: 2000 }, () => fullJitterDelay(3, policy))
  expect(Math.max(...delays)).toBeLessThan(2000)
  expect(Math.max(...delays)).toBeGreaterThan(1800)
  expect(Math.min(...delays)).toBeLessThan(200)
})
