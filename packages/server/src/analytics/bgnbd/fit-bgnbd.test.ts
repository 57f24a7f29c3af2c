import { describe, expect, it } from 'vitest'
import { readCdnowSummary } from '../../../test/fixtures/cdnow'
import { fitBgNbd } from './fit-bgnbd'

const histories = readCdnowSummary()
const significant = (value: number, digits = 3) => Number(value.toPrecision(digits))

describe('fitBgNbd on the CDNOW sample', () => {
  it('reaches the published maximum likelihood', () => {
    const fit = fitBgNbd(histories)
    expect(fit.status).toBe('fitted')
    if (fit.status !== 'fitted') return
    expect(significant(fit.parameters.r)).toBe(0.243)
    expect(significant(fit.parameters.alpha)).toBe(4.41)
    expect(significant(fit.parameters.a)).toBe(0.793)
    expect(significant(fit.parameters.b)).toBe(2.43)
    // The published 4.414 and 2.426 to their last digit too; the maximum sits at alpha ≈ 4.41353, on a rounding edge.
    expect(Math.abs(fit.parameters.alpha - 4.414)).toBeLessThan(0.001)
    expect(Math.abs(fit.parameters.b - 2.426)).toBeLessThan(0.001)
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1)
    expect(fit.lowConfidence).toBe(false)
    expect(fit.customers).toBe(2357)
    expect(fit.repeatCustomers).toBe(946)
  })
})

describe('fitBgNbd gating and confidence', () => {
  it('refuses too few customers or repeat customers', () => {
    expect(fitBgNbd(histories.slice(0, 50))).toMatchObject({ status: 'insufficient-data', customers: 50 })
    const noRepeats = fitBgNbd(histories.filter((history) => history.frequency === 0))
    expect(noRepeats).toMatchObject({ status: 'insufficient-data', repeatCustomers: 0 })
  })

  it('flags a fit where nobody seems to drop out', () => {
    // Every customer buys steadily up to the end: the data are best explained with no dropout at all.
    const steady = Array.from({ length: 400 }, (_, i) => {
      const age = 20 + (i % 20)
      return { frequency: 1 + (i % 7), recency: age - 0.1, age }
    })
    const fit = fitBgNbd(steady)
    expect(fit.status).toBe('fitted')
    if (fit.status === 'fitted') {
      expect(fit.lowConfidence).toBe(true)
      expect(fit.lowConfidenceReasons.length).toBeGreaterThan(0)
    }
  })
})
