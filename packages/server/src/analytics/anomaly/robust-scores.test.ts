import { describe, expect, it } from 'vitest'
import { robustScores } from './robust-scores'

describe('robustScores', () => {
  it('scores by distance from the median in MAD units', () => {
    const scores = robustScores([10, 11, 9, 10, 50])
    // median 10, MAD 1: the outlier scores 0.6745 × 40.
    expect(scores[4]).toBeCloseTo(0.6745 * 40, 10)
    expect(scores[0]).toBe(0)
  })

  it('still scores when most values are equal', () => {
    const scores = robustScores([5, 5, 5, 5, 5, 5, 20])
    expect(scores[6]).toBeGreaterThan(3.5)
    expect(robustScores([2, 2, 2])).toEqual([0, 0, 0])
  })
})
