/**
 * Centred moving average over one period (a 2×m average for even m), NaN where the window does not fit.
 *
 * @example
 * centredMovingAverage([1, 2, 3, 4, 5], 3) // [NaN, 2, 3, 4, NaN]
 */
export function centredMovingAverage(values: readonly number[], period: number): number[] {
  const half = Math.floor(period / 2)
  const even = period % 2 === 0
  return values.map((_, t) => {
    if (t < half || t + half >= values.length) return Number.NaN
    let sum = 0
    for (let k = -half; k <= half; k++) {
      const weight = even && Math.abs(k) === half ? 0.5 : 1
      sum += weight * (values[t + k] as number)
    }
    return sum / period
  })
}
