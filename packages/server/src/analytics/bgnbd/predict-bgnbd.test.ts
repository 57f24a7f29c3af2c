import { describe, expect, it } from 'vitest'
import { CDNOW_CALIBRATION_END_DAY, CDNOW_HOLDOUT_END_DAY, readCdnowSample, readCdnowSummary } from '../../../test/fixtures/cdnow'
import type { BgNbdParameters } from './customer-history'
import { fitBgNbd } from './fit-bgnbd'
import { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from './predict-bgnbd'

const histories = readCdnowSummary()
const published: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }

function fittedParameters(): BgNbdParameters {
  const fit = fitBgNbd(histories)
  if (fit.status !== 'fitted') throw new Error(fit.reason)
  return fit.parameters
}

describe('BG/NBD predictions on the CDNOW sample', () => {
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

  it('sums to the published holdout forecast, below what happened', () => {
    const fitted = fittedParameters()
    const forecast = histories.reduce((sum, history) => sum + conditionalExpectedPurchases(fitted, history, 39), 0)
    expect(Math.round(forecast)).toBe(1653)
    const holdoutPurchaseDays = new Set(
      readCdnowSample()
        .filter(({ day }) => day > CDNOW_CALIBRATION_END_DAY && day <= CDNOW_HOLDOUT_END_DAY)
        .map(({ customerId, day }) => `${customerId}|${day}`),
    )
    expect(holdoutPurchaseDays.size).toBe(1882)
  })

  it('treats customers without a repeat purchase as alive and recent repeaters as likelier alive', () => {
    expect(probabilityAlive(published, { frequency: 0, recency: 0, age: 38 })).toBe(1)
    const recent = probabilityAlive(published, { frequency: 3, recency: 37, age: 38 })
    const lapsed = probabilityAlive(published, { frequency: 3, recency: 5, age: 38 })
    expect(recent).toBeGreaterThan(lapsed)
    expect(lapsed).toBeGreaterThan(0)
  })

  it('stays finite at a = 1, where the closed form is 0/0', () => {
    const value = expectedPurchases({ ...published, a: 1 }, 10)
    expect(value).toBeCloseTo(expectedPurchases({ ...published, a: 1.001 }, 10), 2)
  })
})
