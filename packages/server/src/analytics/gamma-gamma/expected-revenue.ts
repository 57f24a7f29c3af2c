import type { BgNbdParameters, CustomerHistory } from '../bgnbd/customer-history'
import { conditionalExpectedPurchases } from '../bgnbd/predict-bgnbd'
import { type CustomerSpend, type GammaGammaParameters, conditionalExpectedAverageValue } from './gamma-gamma'

/**
 * Expected revenue from a customer over the next `horizon` time units: BG/NBD expected purchases times the
 * Gamma-Gamma expected value per purchase (the two are independent by the model's assumption).
 *
 * @example
 * expectedRevenue(bgNbd, gammaGamma, { frequency: 2, recency: 30.43, age: 38.86, meanValue: 22.35 }, 39)
 */
export function expectedRevenue(
  purchaseParameters: BgNbdParameters,
  spendParameters: GammaGammaParameters,
  customer: CustomerHistory & CustomerSpend,
  horizon: number,
): number {
  return (
    conditionalExpectedPurchases(purchaseParameters, customer, horizon) *
    conditionalExpectedAverageValue(spendParameters, customer)
  )
}
