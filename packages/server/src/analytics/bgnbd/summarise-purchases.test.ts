import { describe, expect, it } from 'vitest'
import { CDNOW_CALIBRATION_END_DAY, readCdnowSample, readCdnowSummary } from '../../../test/fixtures/cdnow'
import { summarisePurchases } from './summarise-purchases'

describe('summarisePurchases', () => {
  it('rebuilds the published CDNOW summary, same-day purchases merged', () => {
    const summaries = summarisePurchases(readCdnowSample(), { endDay: CDNOW_CALIBRATION_END_DAY })
    expect(summaries).toHaveLength(2357)
    const byId = new Map(summaries.map((summary) => [summary.customerId, summary]))
    for (const expected of readCdnowSummary()) {
      const actual = byId.get(expected.customerId)
      expect(actual?.frequency).toBe(expected.frequency)
      expect(actual?.recency).toBeCloseTo(expected.recency, 1)
      expect(actual?.age).toBeCloseTo(expected.age, 1)
    }
  })

  it('ignores purchases after the end and customers who start after it', () => {
    const summaries = summarisePurchases(
      [
        { customerId: 'a', day: 0 },
        { customerId: 'a', day: 0 },
        { customerId: 'a', day: 7 },
        { customerId: 'a', day: 30 },
        { customerId: 'b', day: 40 },
      ],
      { endDay: 14 },
    )
    expect(summaries).toEqual([{ customerId: 'a', frequency: 1, recency: 1, age: 2, firstDay: 0, lastDay: 7 }])
  })
})
