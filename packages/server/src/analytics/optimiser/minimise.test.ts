import { describe, expect, it } from 'vitest'
import { minimise, minimiseWithGradient } from './minimise'

describe('minimise', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const result = minimise(([x = 0, y = 0]) => (x - 1) ** 2 + 3 * (y + 2) ** 2, [0, 0])
    expect(result.x[0]).toBeCloseTo(1, 4)
    expect(result.x[1]).toBeCloseTo(-2, 4)
    expect(result.value).toBeLessThan(1e-8)
  })

  it('reaches the Rosenbrock valley floor despite fmin giving up on shrink steps', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2
    const result = minimise(rosenbrock, [-1.2, 1], { maxRestarts: 40 })
    expect(result.x[0]).toBeCloseTo(1, 3)
    expect(result.x[1]).toBeCloseTo(1, 3)
  })

  it('treats non-finite values as worse than any finite one', () => {
    const result = minimise(([x = 0]) => (x < 0 ? Number.NaN : (x - 2) ** 2), [1])
    expect(result.x[0]).toBeCloseTo(2, 4)
  })
})

describe('minimiseWithGradient', () => {
  it('follows the gradient to the minimum of an elongated quadratic', () => {
    const result = minimiseWithGradient(
      ([x = 0, y = 0]) => ({ value: (x - 1) ** 2 + 50 * (y + 2) ** 2, gradient: [2 * (x - 1), 100 * (y + 2)] }),
      [0, 0],
    )
    expect(result.x[0]).toBeCloseTo(1, 4)
    expect(result.x[1]).toBeCloseTo(-2, 4)
    expect(result.gradientNorm).toBeLessThan(1e-4)
  })
})
