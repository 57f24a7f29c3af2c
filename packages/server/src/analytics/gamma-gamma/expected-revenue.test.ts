import { describe, expect, it } from 'vitest'
import { conditionalExpectedPurchases } from '../bgnbd/predict-bgnbd'
import { expectedRevenue } from './expected-revenue'
import { conditionalExpectedAverageValue } from './gamma-gamma'

describe('expectedRevenue', () => {
  it('multiplies expected purchases by expected value per purchase', () => {
    const purchases = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
    const spend = { p: 6.25, q: 3.74, v: 15.44 }
    const customer = { frequency: 2, recency: 30.43, age: 38.86, meanValue: 22.35 }
    const revenue = expectedRevenue(purchases, spend, customer, 39)
    expect(revenue).toBeCloseTo(
      conditionalExpectedPurchases(purchases, customer, 39) * conditionalExpectedAverageValue(spend, customer),
      10,
    )
    expect(revenue).toBeGreaterThan(expectedRevenue(purchases, spend, { ...customer, recency: 5 }, 39))
  })
})
