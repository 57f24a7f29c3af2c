import { median, medianAbsoluteDeviation } from '../descriptive/median'

// 0.6745 is the 75th percentile of the standard normal: it makes the MAD-based score comparable to a z-score
// (Iglewicz & Hoaglin's modified z-score).
const NORMAL_MAD_FACTOR = 0.6745
// When more than half the values are equal the MAD is 0; the mean absolute deviation times sqrt(pi/2) stands in.
const MEAN_DEVIATION_FACTOR = 1.253314

/**
 * Modified z-scores: (value − median) / MAD, scaled to read like z-scores, insensitive to the outliers they find.
 * All zeros when the values do not vary.
 *
 * @example
 * robustScores([10, 11, 9, 10, 50]) // the last one far above 3.5
 */
export function robustScores(values: readonly number[]): number[] {
  const centre = median(values)
  const mad = medianAbsoluteDeviation(values, centre)
  if (mad > 0) return values.map((value) => (NORMAL_MAD_FACTOR * (value - centre)) / mad)
  const meanDeviation = values.reduce((sum, value) => sum + Math.abs(value - centre), 0) / values.length
  if (meanDeviation === 0) return values.map(() => 0)
  return values.map((value) => (value - centre) / (MEAN_DEVIATION_FACTOR * meanDeviation))
}
