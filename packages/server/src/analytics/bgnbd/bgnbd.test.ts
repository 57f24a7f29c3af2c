import { describe, expect, it } from 'vitest'
import {
  CDNOW_CALIBRATION_END_DAY,
  CDNOW_HOLDOUT_END_DAY,
  readCdnowSample,
  readCdnowSummary,
} from '../../../test/fixtures/cdnow'
import { compressHistories } from './compress-histories'
import type { BgNbdParameters } from './customer-history'
import { fitBgNbd } from './fit-bgnbd'
import { bgNbdLogLikelihood } from './log-likelihood'
import { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from './predict-bgnbd'
import { summarisePurchases } from './summarise-purchases'

const published: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
const histories = readCdnowSummary()

function fittedParameters(): BgNbdParameters {
  const fit = fitBgNbd(histories)
  if (fit.status !== 'fitted') throw new Error(fit.reason)
  return fit.parameters
}

function significant(value: number, digits = 3): number {
  return Number(value.toPrecision(digits))
}

describe('BG/NBD on the CDNOW sample', () => {
  it('reaches the published maximum likelihood', () => {
    const fit = fitBgNbd(histories)
    expect(fit.status).toBe('fitted')
    if (fit.status !== 'fitted') return
    expect(significant(fit.parameters.r)).toBe(0.243)
    expect(significant(fit.parameters.alpha, 4)).toBe(4.414)
    expect(significant(fit.parameters.a)).toBe(0.793)
    expect(significant(fit.parameters.b, 4)).toBe(2.426)
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1)
    expect(fit.lowConfidence).toBe(false)
    expect(fit.customers).toBe(2357)
  })

  it('gives the same likelihood on compressed and raw histories', () => {
    expect(bgNbdLogLikelihood(published, histories)).toBeCloseTo(bgNbdLogLikelihood(published, compressHistories(histories)), 8)
    expect(bgNbdLogLikelihood(published, histories)).toBeCloseTo(-9582.4, 0)
  })

  it('gives the published unconditional expectations', () => {
    // The paper computes them from the unrounded estimates; the rounded ones move E[X(1)] in the 4th decimal.
    const fitted = fittedParameters()
    expect(expectedPurchases(fitted, 1)).toBeCloseTo(0.0532, 4)
    expect(expectedPurchases(fitted, 3)).toBeCloseTo(0.1506, 4)
    expect(expectedPurchases(fitted, 32)).toBeCloseTo(1.0437, 4)
    expect(expectedPurchases(fitted, 78)).toBeCloseTo(1.8576, 3)
    expect(expectedPurchases(published, 78)).toBeCloseTo(1.8576, 2)
  })

  it('gives the published conditional expectation', () => {
    expect(conditionalExpectedPurchases(published, { frequency: 2, recency: 30.43, age: 38.86 }, 39)).toBeCloseTo(1.226, 3)
  })

  it('sums to the published holdout forecast, close to what happened', () => {
    const fitted = fittedParameters()
    const forecast = histories.reduce((sum, history) => sum + conditionalExpectedPurchases(fitted, history, 39), 0)
    expect(Math.round(forecast)).toBe(1653)
    const purchases = readCdnowSample()
    const holdoutDays = new Set(
      purchases
        .filter(({ day }) => day > CDNOW_CALIBRATION_END_DAY && day <= CDNOW_HOLDOUT_END_DAY)
        .map(({ customerId, day }) => `${customerId}|${day}`),
    )
    expect(holdoutDays.size).toBe(1882)
  })

  it('treats customers without a repeat purchase as alive and recent repeaters as likelier alive', () => {
    expect(probabilityAlive(published, { frequency: 0, recency: 0, age: 38 })).toBe(1)
    const recent = probabilityAlive(published, { frequency: 3, recency: 37, age: 38 })
    const lapsed = probabilityAlive(published, { frequency: 3, recency: 5, age: 38 })
    expect(recent).toBeGreaterThan(lapsed)
    expect(lapsed).toBeGreaterThan(0)
  })
})

describe('fitBgNbd gating and confidence', () => {
  it('refuses too few customers or repeat customers', () => {
    const few = fitBgNbd(histories.slice(0, 50))
    expect(few).toMatchObject({ status: 'insufficient-data', customers: 50 })
    const noRepeats = fitBgNbd(histories.filter((history) => history.frequency === 0))
    expect(noRepeats).toMatchObject({ status: 'insufficient-data', repeatCustomers: 0 })
  })

  it('flags a fit where nobody seems to drop out', () => {
    // Every customer buys steadily up to the end: the data are best explained with no dropout at all.
    const steady = Array.from({ length: 400 }, (_, i) => {
      const age = 20 + (i % 20)
      const frequency = 1 + (i % 7)
      return { frequency, recency: age - 0.1, age }
    })
    const fit = fitBgNbd(steady)
    expect(fit.status).toBe('fitted')
    if (fit.status === 'fitted') expect(fit.lowConfidence).toBe(true)
  })
})

describe('summarisePurchases', () => {
  it('rebuilds the published CDNOW summary, same-day purchases merged', () => {
    const summaries = summarisePurchases(readCdnowSample(), { endDay: CDNOW_CALIBRATION_END_DAY })
    expect(summaries).toHaveLength(2357)
    const byId = new Map(summaries.map((summary) => [summary.customerId, summary]))
    for (const expected of histories) {
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
