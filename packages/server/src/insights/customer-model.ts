import {
  type BgNbdFit,
  type CustomerHistory,
  type CustomerSpend,
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaFit,
  probabilityAlive,
} from '../analytics'
import type { CustomerHistories } from './customer-histories'

export type CustomerModel = {
  asOfDay: number
  bgNbd: BgNbdFit
  gammaGamma: GammaGammaFit
  histories: CustomerHistories
  /** Major units per minor unit of the app's currency, so spend is modelled in units people read. */
  minorToMajor: number
}

export type CustomerPrediction = {
  model: string
  probabilityActive: number
  expectedPurchases: number
  /** Major units; null when the spend model could not be fitted. */
  expectedRevenue: number | null
  horizonDays: number
  lowConfidence: boolean
}

/**
 * A customer's BG/NBD history in weeks, as of the histories' day.
 *
 * @example
 * historyOf(histories, 12) // { frequency: 2, recency: 30.43, age: 38.86 }
 */
export function historyOf(histories: CustomerHistories, customer: number): CustomerHistory {
  const first = histories.firstDay[customer] as number
  return {
    frequency: (histories.purchaseDays[customer] as number) - 1,
    recency: ((histories.lastDay[customer] as number) - first) / 7,
    age: (histories.asOfDay - first) / 7,
  }
}

/** The customer bought again on a later day, for more than nothing: Gamma-Gamma's input (`repeatSpend` > 0). */
function hasRepeatSpend(histories: CustomerHistories, customer: number): boolean {
  return (histories.purchaseDays[customer] as number) > 1 && (histories.revenue[customer] as number) > (histories.firstDayRevenue[customer] as number)
}

/** Mean spend of a customer's repeat purchase days, in major units (0 without a repeat). */
function repeatSpend(model: Pick<CustomerModel, 'histories' | 'minorToMajor'>, customer: number): { frequency: number; meanValue: number } {
  const { histories } = model
  const frequency = (histories.purchaseDays[customer] as number) - 1
  const repeatRevenue = (histories.revenue[customer] as number) - (histories.firstDayRevenue[customer] as number)
  return { frequency, meanValue: frequency > 0 ? (repeatRevenue / frequency) * model.minorToMajor : 0 }
}

// Gamma-Gamma has three parameters and no sufficient statistics to fold customers together: beyond this many repeat
// buyers, an evenly spread sample estimates them as well (standard errors shrink as 1/√n) at a fraction of the cost.
const MAX_SPEND_SAMPLE = 5000

/** Every k-th element, so at most `size` remain, spread evenly over the input. */
function evenSample<T>(values: readonly T[], size: number): T[] {
  if (values.length <= size) return [...values]
  const step = values.length / size
  return Array.from({ length: size }, (_, i) => values[Math.floor(i * step)] as T)
}

/**
 * Fits BG/NBD (purchases) and Gamma-Gamma (spend) to every customer of the histories. Each fit says itself whether
 * there was enough data, and flags a boundary optimum as low confidence.
 *
 * @example
 * const model = fitCustomerModel(histories, 0.01)
 * model.bgNbd.status // 'fitted'
 */
export function fitCustomerModel(histories: CustomerHistories, minorToMajor: number): CustomerModel {
  const { purchaseHistories, spends } = modelInputs(histories, minorToMajor)
  return { asOfDay: histories.asOfDay, bgNbd: fitBgNbd(purchaseHistories), gammaGamma: fitGammaGamma(spends), histories, minorToMajor }
}

// Purchase days, recency and age in days below 2^17 (358 years) make one exact integer key of a history.
const DAY_KEY = 2 ** 17

/**
 * The BG/NBD histories of every customer, and the repeat spend of a sample of repeat buyers for Gamma-Gamma. Customers
 * with the same history share one object (100 000 customers often have only thousands of distinct histories, and the
 * fit reads values, not identities), found by a number made of its days rather than a string, and only the sampled
 * buyers' spends are built: the inputs of a large fit then take a few MB of heap instead of tens.
 */
function modelInputs(histories: CustomerHistories, minorToMajor: number): { purchaseHistories: CustomerHistory[]; spends: CustomerSpend[] } {
  const purchaseHistories: CustomerHistory[] = []
  const distinct = new Map<number, CustomerHistory>()
  const repeatBuyers: number[] = []
  const partial = { histories, minorToMajor }
  const { asOfDay, firstDay, lastDay, purchaseDays } = histories
  for (const customer of histories.customers) {
    const first = firstDay[customer] as number
    const ageDays = asOfDay - first
    const key = ((purchaseDays[customer] as number) * DAY_KEY + ((lastDay[customer] as number) - first)) * DAY_KEY + ageDays
    const shared = ageDays < DAY_KEY ? distinct.get(key) : undefined
    if (shared) purchaseHistories.push(shared)
    else {
      const history = historyOf(histories, customer)
      if (ageDays < DAY_KEY) distinct.set(key, history)
      purchaseHistories.push(history)
    }
    if (hasRepeatSpend(histories, customer)) repeatBuyers.push(customer)
  }
  return { purchaseHistories, spends: evenSample(repeatBuyers, MAX_SPEND_SAMPLE).map((customer) => repeatSpend(partial, customer)) }
}

/**
 * One customer's predictions over the next `horizonDays`; null when the purchase model is not fitted or the customer
 * had not bought by the model's day.
 *
 * @example
 * predictCustomer(model, 12, 90) // { model: 'bg-nbd/gamma-gamma', probabilityActive: 0.91, expectedPurchases: 0.8, ... }
 */
export function predictCustomer(model: CustomerModel, customer: number, horizonDays: number): CustomerPrediction | null {
  const { bgNbd, gammaGamma, histories } = model
  if (bgNbd.status !== 'fitted' || customer >= histories.firstDay.length || (histories.purchaseDays[customer] as number) === 0) return null
  const history = historyOf(histories, customer)
  const expectedPurchases = conditionalExpectedPurchases(bgNbd.parameters, history, horizonDays / 7)
  const spendUsable = gammaGamma.status === 'fitted' && gammaGamma.parameters.q > 1
  const expectedRevenue = spendUsable
    ? expectedPurchases * conditionalExpectedAverageValue(gammaGamma.parameters, repeatSpend(model, customer))
    : null
  return {
    model: spendUsable ? 'bg-nbd/gamma-gamma' : 'bg-nbd',
    probabilityActive: probabilityAlive(bgNbd.parameters, history),
    expectedPurchases,
    expectedRevenue,
    horizonDays,
    lowConfidence: bgNbd.lowConfidence || (gammaGamma.status === 'fitted' && gammaGamma.lowConfidence),
  }
}
