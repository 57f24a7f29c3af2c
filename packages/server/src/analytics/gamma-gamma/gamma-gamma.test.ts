import { describe, expect, it } from 'vitest'
import { readCdnowSpendSummary } from '../../../test/fixtures/cdnow'
import { conditionalExpectedAverageValue, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma'

const spends = readCdnowSpendSummary()

describe('Gamma-Gamma on the CDNOW repeat buyers', () => {
  it('reaches the published estimates', () => {
    const fit = fitGammaGamma(spends)
    expect(fit.status).toBe('fitted')
    if (fit.status !== 'fitted') return
    expect(fit.customers).toBe(946)
    expect(fit.parameters.p).toBeCloseTo(6.25, 2)
    expect(fit.parameters.q).toBeCloseTo(3.74, 2)
    expect(fit.parameters.v).toBeCloseTo(15.44, 1)
    expect(fit.lowConfidence).toBe(false)
    const nearby = gammaGammaLogLikelihood({ ...fit.parameters, p: fit.parameters.p * 1.05 }, spends)
    expect(fit.logLikelihood).toBeGreaterThan(nearby)
  })

  it('shrinks a customer towards the population mean, less so with more purchases', () => {
    const parameters = { p: 6.25, q: 3.74, v: 15.44 }
    const populationMean = (parameters.p * parameters.v) / (parameters.q - 1)
    expect(conditionalExpectedAverageValue(parameters, { frequency: 0, meanValue: 0 })).toBeCloseTo(populationMean, 8)
    const one = conditionalExpectedAverageValue(parameters, { frequency: 1, meanValue: 100 })
    const ten = conditionalExpectedAverageValue(parameters, { frequency: 10, meanValue: 100 })
    expect(one).toBeGreaterThan(populationMean)
    expect(one).toBeLessThan(ten)
    expect(ten).toBeLessThan(100)
  })

  it('refuses to fit without enough repeat buyers', () => {
    expect(fitGammaGamma(spends.filter(({ frequency }) => frequency === 0))).toMatchObject({ status: 'insufficient-data' })
  })
})
