import cdf from '@stdlib/stats-base-dists-normal-cdf'

export type TrendDirection = 'increasing' | 'decreasing' | 'none'

export interface MannKendallResult {
  /** S: concordant minus discordant pairs. */
  statistic: number
  /** Variance of S under no trend, corrected for ties. */
  variance: number
  /** Continuity-corrected normal score. */
  z: number
  /** Two-sided p-value. */
  pValue: number
  /** Kendall's tau-a, S over the number of pairs. */
  tau: number
  direction: TrendDirection
}

/**
 * Mann-Kendall test for a monotonic trend, with the tie correction of the variance and a continuity correction.
 *
 * @example
 * mannKendall(wineind) // { statistic: 2435, z: 3.114, pValue: 0.00184, direction: 'increasing', ... }
 */
export function mannKendall(values: readonly number[], options: { significance?: number } = {}): MannKendallResult {
  const significance = options.significance ?? 0.05
  const n = values.length
  let statistic = 0
  for (let i = 0; i < n - 1; i++) {
    const earlier = values[i] as number
    for (let j = i + 1; j < n; j++) statistic += Math.sign((values[j] as number) - earlier)
  }
  const tieCounts = new Map<number, number>()
  for (const value of values) tieCounts.set(value, (tieCounts.get(value) ?? 0) + 1)
  let tieTerm = 0
  for (const t of tieCounts.values()) tieTerm += t * (t - 1) * (2 * t + 5)
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18
  const z = variance > 0 && statistic !== 0 ? (statistic - Math.sign(statistic)) / Math.sqrt(variance) : 0
  const pValue = 2 * (1 - cdf(Math.abs(z), 0, 1))
  const pairs = (n * (n - 1)) / 2
  const direction: TrendDirection = pValue < significance ? (statistic > 0 ? 'increasing' : 'decreasing') : 'none'
  return { statistic, variance, z, pValue, tau: pairs > 0 ? statistic / pairs : 0, direction }
}
