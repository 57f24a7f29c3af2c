import gammaln from '@stdlib/math-base-special-gammaln'
import { minimise } from '../optimiser/minimise'

/** A repeat buyer's spend: x repeat purchases and their mean value (zbar). */
export interface CustomerSpend {
  frequency: number
  meanValue: number
}

/** Gamma-Gamma parameters: spend per purchase ~ Gamma(p, nu), nu ~ Gamma(q, v). */
export interface GammaGammaParameters {
  p: number
  q: number
  v: number
}

export type GammaGammaFit =
  | { status: 'fitted'; parameters: GammaGammaParameters; logLikelihood: number; customers: number; lowConfidence: boolean; lowConfidenceReasons: string[] }
  | { status: 'insufficient-data'; reason: string; customers: number }

/**
 * Gamma-Gamma log-likelihood (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 4) over repeat buyers; customers
 * without a repeat purchase or with no positive spend carry no information and are skipped.
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, [{ frequency: 2, meanValue: 22.35 }])
 */
export function gammaGammaLogLikelihood({ p, q, v }: GammaGammaParameters, spends: readonly CustomerSpend[]): number {
  if (!(p > 0 && q > 0 && v > 0)) return Number.NEGATIVE_INFINITY
  let total = 0
  const constant = q * Math.log(v) - gammaln(q)
  for (const { frequency: x, meanValue } of spends) {
    if (x <= 0 || meanValue <= 0) continue
    const px = p * x
    total +=
      constant +
      gammaln(px + q) -
      gammaln(px) +
      (px - 1) * Math.log(meanValue) +
      px * Math.log(x) -
      (px + q) * Math.log(v + x * meanValue)
  }
  return total
}

/**
 * Fits Gamma-Gamma by maximum likelihood over log-parameters.
 *
 * @example
 * const fit = fitGammaGamma(repeatBuyers) // CDNOW: { p: 6.25, q: 3.74, v: 15.44 }
 */
export function fitGammaGamma(spends: readonly CustomerSpend[], options: { minCustomers?: number } = {}): GammaGammaFit {
  const usable = spends.filter(({ frequency, meanValue }) => frequency > 0 && meanValue > 0)
  const minCustomers = options.minCustomers ?? 20
  if (usable.length < minCustomers) {
    return {
      status: 'insufficient-data',
      reason: `${usable.length} repeat buyers with a spend, at least ${minCustomers} needed`,
      customers: usable.length,
    }
  }
  const meanSpend = usable.reduce((sum, { meanValue }) => sum + meanValue, 0) / usable.length
  const toParameters = ([logP = 0, logQ = 0, logV = 0]: readonly number[]): GammaGammaParameters => ({
    p: Math.exp(logP),
    q: Math.exp(logQ),
    v: Math.exp(logV),
  })
  const result = minimise(
    (logParameters) => -gammaGammaLogLikelihood(toParameters(logParameters), usable),
    [0, 0, Math.log(meanSpend)],
    { tolerance: 1e-10 },
  )
  const parameters = toParameters(result.x)
  const lowConfidenceReasons: string[] = []
  // Below q = 1 the population mean spend p·v/(q-1) does not exist, so expected values are meaningless.
  if (parameters.q <= 1) lowConfidenceReasons.push(`q = ${parameters.q.toPrecision(3)} ≤ 1: mean spend undefined`)
  if (result.x.some((value) => Math.abs(value) > 12)) lowConfidenceReasons.push('a parameter ran off to 0 or infinity')
  return {
    status: 'fitted',
    parameters,
    logLikelihood: -result.value,
    customers: usable.length,
    lowConfidence: lowConfidenceReasons.length > 0,
    lowConfidenceReasons,
  }
}

/**
 * Expected value of a customer's future purchases given their spend so far (eq. 5); for a customer without repeat
 * purchases this is the population mean p·v/(q-1).
 *
 * @example
 * conditionalExpectedAverageValue({ p: 6.25, q: 3.74, v: 15.44 }, { frequency: 2, meanValue: 22.35 }) // 26.6
 */
export function conditionalExpectedAverageValue({ p, q, v }: GammaGammaParameters, { frequency: x, meanValue }: CustomerSpend): number {
  const spend = x > 0 ? meanValue : 0
  return (p * (v + x * spend)) / (p * x + q - 1)
}
