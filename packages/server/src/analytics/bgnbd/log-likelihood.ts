import gammaln from '@stdlib/math-base-special-gammaln'
import { type CompressedHistories, compressHistories } from './compress-histories'
import type { BgNbdParameters, CustomerHistory } from './customer-history'

/**
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) summed over customers.
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, histories) // -9582.4 on the CDNOW sample
 */
export function bgNbdLogLikelihood(
  parameters: BgNbdParameters,
  histories: readonly CustomerHistory[] | CompressedHistories,
): number {
  const data = 'weights' in histories ? histories : compressHistories(histories)
  const { r, alpha, a, b } = parameters
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY

  const logAlphaPlusAge = data.distinctAges.map((age) => Math.log(alpha + age))
  const logAlphaPlusRecency = data.distinctRecencies.map((recency) => Math.log(alpha + recency))

  // Everything that depends on x alone, once per distinct x.
  const frequencyConstant = new Float64Array(data.distinctFrequencies.length)
  const dropoutConstant = new Float64Array(data.distinctFrequencies.length)
  const shared = r * Math.log(alpha) - gammaln(r) + gammaln(a + b) - gammaln(b)
  const logA = Math.log(a)
  for (let k = 0; k < data.distinctFrequencies.length; k++) {
    const x = data.distinctFrequencies[k] as number
    frequencyConstant[k] = shared + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x)
    dropoutConstant[k] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY
  }

  // Locals rather than property reads keep this loop, which runs once per distinct history and evaluation, tight.
  const { frequencies, frequencyIndex, ageIndex, recencyIndex, weights } = data
  let total = 0
  const rows = weights.length
  for (let i = 0; i < rows; i++) {
    const x = frequencies[i] as number
    const k = frequencyIndex[i] as number
    const stillAlive = -(r + x) * (logAlphaPlusAge[ageIndex[i] as number] as number)
    let rowLikelihood = stillAlive
    if (x > 0) {
      const droppedOut = (dropoutConstant[k] as number) - (r + x) * (logAlphaPlusRecency[recencyIndex[i] as number] as number)
      rowLikelihood =
        stillAlive > droppedOut
          ? stillAlive + Math.log1p(Math.exp(droppedOut - stillAlive))
          : droppedOut + Math.log1p(Math.exp(stillAlive - droppedOut))
    }
    total += (weights[i] as number) * ((frequencyConstant[k] as number) + rowLikelihood)
  }
  return total
}
