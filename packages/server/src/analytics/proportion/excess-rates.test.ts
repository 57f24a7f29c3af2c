import { describe, expect, it } from 'vitest'
import { binomialUpperTail } from './binomial-tail'
import { excessRates } from './excess-rates'

describe('excessRates', () => {
  it('finds the one group at 30 % among groups at 3 %, and not a small group with 1 in 3', () => {
    const groups = [{ events: 30, trials: 100 }, ...Array.from({ length: 9 }, () => ({ events: 3, trials: 100 })), { events: 1, trials: 3 }]
    const { tested, found } = excessRates(groups)
    expect(tested).toBe(10) // the group of 3 trials is under the minimum of 20
    expect(found).toHaveLength(1)
    const [outlier] = found
    expect(outlier).toMatchObject({ index: 0, events: 30, trials: 100, rate: 0.3 })
    // Against the others pooled: 28 events in 903 trials.
    expect(outlier?.baseline).toBeCloseTo(28 / 903, 15)
    expect(outlier?.pValue).toBeCloseTo(binomialUpperTail(30, 100, 28 / 903), 20)
    expect(outlier?.adjustedPValue).toBeCloseTo(outlier!.pValue * 10, 20) // the smallest of ten: × 10 / 1
  })

  it('reports nothing when every group has the same rate, or a difference that is significant but small', () => {
    expect(excessRates(Array.from({ length: 20 }, () => ({ events: 5, trials: 100 }))).found).toEqual([])
    // 6 % against 3 % on 100 000 trials is significant, and below twice the rate only if minRatio says so.
    const large = [{ events: 6000, trials: 100_000 }, { events: 3000, trials: 100_000 }]
    expect(excessRates(large).found.map((group) => group.index)).toEqual([0])
    expect(excessRates([{ events: 5000, trials: 100_000 }, { events: 3000, trials: 100_000 }]).found).toEqual([])
  })

  it('corrects for the number of groups tested (Benjamini–Hochberg)', () => {
    // p ≈ 0.01 alone is a find; among 100 groups at the baseline it is not.
    const suspicious = { events: 7, trials: 60 }
    const alone = excessRates([suspicious, { events: 30, trials: 1000 }])
    expect(alone.found.map((group) => group.index)).toEqual([0])
    expect(alone.found[0]?.pValue).toBeLessThan(0.025)
    const many = excessRates([suspicious, ...Array.from({ length: 100 }, () => ({ events: 3, trials: 100 }))])
    expect(many.found).toEqual([])
  })
})
