import { describe, expect, it } from 'vitest'
import { binomialUpperTail } from './binomial-tail'

/** P(X ≥ x) as an exact fraction for p = num / den, rounded to a double only at the end. */
function exactUpperTail(x: number, n: number, num: number, den: number): number {
  let choose = 1n
  let sum = 0n
  for (let k = 0; k <= n; k++) {
    if (k > 0) choose = (choose * BigInt(n - k + 1)) / BigInt(k)
    if (k >= x) sum += choose * BigInt(num) ** BigInt(k) * BigInt(den - num) ** BigInt(n - k)
  }
  const total = BigInt(den) ** BigInt(n)
  if (sum === 0n) return 0
  // 64 significant bits of the ratio, however small, then a double.
  const shift = total.toString(2).length - sum.toString(2).length + 64
  return Number(((sum << BigInt(shift)) / total)) * 2 ** -shift
}

describe('binomialUpperTail', () => {
  it('is the exact tail on small cases', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 15)
    expect(binomialUpperTail(1, 3, 0.03)).toBeCloseTo(1 - 0.97 ** 3, 15)
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(1 / 8, 15)
  })

  it('matches exact fractions in both branches, far in the tail too', () => {
    for (const [x, n, num, den] of [
      [8, 20, 1, 5],
      [2, 20, 1, 5], // below the mode: 1 − lower tail
      [45, 1000, 3, 100],
      [20, 1000, 3, 100],
      [60, 200, 3, 100], // a 30 % rate against 3 %: p about 1e-33
    ] as const) {
      const exact = exactUpperTail(x, n, num, den)
      const relative = Math.abs(binomialUpperTail(x, n, num / den) - exact) / exact
      expect(relative).toBeLessThan(1e-10)
    }
  })

  it('handles the edges', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1)
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0)
    expect(binomialUpperTail(1, 10, 0)).toBe(0)
    expect(binomialUpperTail(10, 10, 1)).toBe(1)
  })
})
