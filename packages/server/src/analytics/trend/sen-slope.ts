import { median } from '../descriptive/median'

/**
 * Sen's slope: the median of the slopes between every pair of points, in value units per step. Robust to outliers.
 *
 * @example
 * senSlope([1, 2, 3, 100, 5]) // 1
 */
export function senSlope(values: readonly number[]): number {
  const n = values.length
  const slopes = new Float64Array((n * (n - 1)) / 2)
  let k = 0
  for (let i = 0; i < n - 1; i++) {
    const earlier = values[i] as number
    for (let j = i + 1; j < n; j++) slopes[k++] = ((values[j] as number) - earlier) / (j - i)
  }
  return median(slopes)
}
