import { robustScores } from './robust-scores'
import { seasonalResiduals } from './seasonal-residuals'

export interface Anomaly {
  index: number
  value: number
  /** What the seasonal model expected there. */
  expected: number
  /** Modified z-score of the residual. */
  score: number
  direction: 'spike' | 'drop'
}

export interface AnomalyDetection {
  /** Modified z-score of every point's residual. */
  scores: number[]
  anomalies: Anomaly[]
}

export interface DetectAnomaliesOptions {
  /** Season length: 7 for daily data, 12 for monthly, 52 for weekly; 1 for none. */
  period: number
  /** |score| above which a point is an anomaly. Default 3.5, Iglewicz & Hoaglin's recommendation. */
  threshold?: number
}

/**
 * Points the seasonal model does not explain: robust scores of the decomposition residuals above the threshold.
 *
 * @example
 * detectAnomalies(dailyRevenue, { period: 7 }).anomalies // [{ index: 41, direction: 'spike', score: 6.2, ... }]
 */
export function detectAnomalies(series: readonly number[], options: DetectAnomaliesOptions): AnomalyDetection {
  const threshold = options.threshold ?? 3.5
  const { expected, residuals } = seasonalResiduals(series, options.period, threshold)
  const scores = robustScores(residuals)
  const anomalies: Anomaly[] = []
  scores.forEach((score, index) => {
    if (Math.abs(score) <= threshold) return
    anomalies.push({
      index,
      value: series[index] as number,
      expected: expected[index] as number,
      score,
      direction: score > 0 ? 'spike' : 'drop',
    })
  })
  return { scores, anomalies }
}
