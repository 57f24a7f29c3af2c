import digamma from '@stdlib/math-base-special-digamma'
import gammaln from '@stdlib/math-base-special-gammaln'
import { type CompressedHistories, compressHistories } from './compress-histories'
import type { BgNbdParameters, CustomerHistory } from './customer-history'

export interface BgNbdLikelihoodEvaluation {
  logLikelihood: number
  /** Derivatives with respect to (ln r, ln alpha, ln a, ln b); only when asked for. */
  gradient: [number, number, number, number] | null
}

/**
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) summed over customers, and on request its gradient with
 * respect to the log-parameters. One pass serves both because each customer's likelihood mixes "still alive" and
 * "dropped out after the last purchase", and the posterior share of the latter is all the derivatives need.
 *
 * @example
 * evaluateBgNbdLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, compressHistories(histories), true)
 */
export function evaluateBgNbdLikelihood(
  parameters: BgNbdParameters,
  data: CompressedHistories,
  withGradient: boolean,
): BgNbdLikelihoodEvaluation {
  const { r, alpha, a, b } = parameters
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return { logLikelihood: Number.NEGATIVE_INFINITY, gradient: null }

  // Everything that depends on one time or one x alone is computed once per distinct value.
  const logAlphaPlusAge = data.distinctAges.map((age) => Math.log(alpha + age))
  const logAlphaPlusRecency = data.distinctRecencies.map((recency) => Math.log(alpha + recency))
  const shared = r * Math.log(alpha) - gammaln(r) + gammaln(a + b) - gammaln(b)
  const logA = Math.log(a)
  const frequencyConstant = data.distinctFrequencies.map((x) => shared + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x))
  const dropoutConstant = data.distinctFrequencies.map((x) => (x > 0 ? logA - Math.log(b + x - 1) : 0))
  const inverseAlphaPlusAge = withGradient ? data.distinctAges.map((age) => 1 / (alpha + age)) : data.distinctAges
  const inverseAlphaPlusRecency = withGradient ? data.distinctRecencies.map((recency) => 1 / (alpha + recency)) : data.distinctRecencies
  // d/dr, d/db and d/da of the x-only terms.
  const frequencyDR = withGradient ? data.distinctFrequencies.map((x) => digamma(r + x) - digamma(r) + Math.log(alpha)) : data.distinctFrequencies
  const frequencyDA = withGradient ? data.distinctFrequencies.map((x) => digamma(a + b) - digamma(a + b + x)) : data.distinctFrequencies
  const frequencyDB = withGradient
    ? data.distinctFrequencies.map((x) => digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x))
    : data.distinctFrequencies

  // Locals rather than property reads keep this loop, which runs once per distinct history and evaluation, tight.
  const { frequencies, frequencyIndex, ageIndex, recencyIndex, weights } = data
  let total = 0
  let dR = 0
  let dAlpha = 0
  let dA = 0
  let dB = 0
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i] as number
    const x = frequencies[i] as number
    const k = frequencyIndex[i] as number
    const ageAt = ageIndex[i] as number
    const recencyAt = recencyIndex[i] as number
    const stillAlive = -(r + x) * (logAlphaPlusAge[ageAt] as number)
    let rowLikelihood = stillAlive
    let dropoutWeight = 0
    if (x > 0) {
      // log(e^alive + e^dropped) and the share of e^dropped, from a single exponential.
      const difference =
        (dropoutConstant[k] as number) - (r + x) * ((logAlphaPlusRecency[recencyAt] as number) - (logAlphaPlusAge[ageAt] as number))
      if (difference > 0) {
        const odds = Math.exp(-difference)
        rowLikelihood = stillAlive + difference + Math.log1p(odds)
        dropoutWeight = 1 / (1 + odds)
      } else {
        const odds = Math.exp(difference)
        rowLikelihood = stillAlive + Math.log1p(odds)
        dropoutWeight = odds / (1 + odds)
      }
    }
    total += weight * ((frequencyConstant[k] as number) + rowLikelihood)
    if (!withGradient) continue
    const aliveWeight = 1 - dropoutWeight
    dR +=
      weight *
      ((frequencyDR[k] as number) -
        aliveWeight * (logAlphaPlusAge[ageAt] as number) -
        dropoutWeight * (logAlphaPlusRecency[recencyAt] as number))
    dAlpha +=
      weight *
      (r / alpha -
        (r + x) * (aliveWeight * (inverseAlphaPlusAge[ageAt] as number) + dropoutWeight * (inverseAlphaPlusRecency[recencyAt] as number)))
    dA += weight * ((frequencyDA[k] as number) + dropoutWeight / a)
    dB += weight * ((frequencyDB[k] as number) - (x > 0 ? dropoutWeight / (b + x - 1) : 0))
  }
  return { logLikelihood: total, gradient: withGradient ? [r * dR, alpha * dAlpha, a * dA, b * dB] : null }
}

/**
 * BG/NBD log-likelihood summed over customers.
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, histories) // -9582.4 on the CDNOW sample
 */
export function bgNbdLogLikelihood(
  parameters: BgNbdParameters,
  histories: readonly CustomerHistory[] | CompressedHistories,
): number {
  const data = 'weights' in histories ? histories : compressHistories(histories)
  return evaluateBgNbdLikelihood(parameters, data, false).logLikelihood
}
