import gammaln from '@stdlib/math-base-special-gammaln'

/**
 * P(X ≥ `successes`) for X ~ Binomial(`trials`, `probability`): the one-sided p-value of an exact binomial test that
 * the rate is above `probability`. The terms are summed from the tail's end nearest the mode outwards, where they
 * shrink geometrically, and the sum stops once a term no longer changes it: O(√trials) terms in practice, exact to
 * about 1e-15 (the upper tail is summed directly, so tiny p-values keep their precision; the lower tail is
 * subtracted from 1 only when the answer is large).
 *
 * @example
 * binomialUpperTail(8, 10, 0.5) // 0.0546875 = (45 + 10 + 1) / 1024
 */
export function binomialUpperTail(successes: number, trials: number, probability: number): number {
  if (successes <= 0) return 1
  if (successes > trials) return 0
  if (probability <= 0) return 0
  if (probability >= 1) return 1
  const logP = Math.log(probability)
  const logQ = Math.log1p(-probability)
  const logChoose = gammaln(trials + 1)
  const term = (k: number) => Math.exp(logChoose - gammaln(k + 1) - gammaln(trials - k + 1) + k * logP + (trials - k) * logQ)
  const mode = Math.floor((trials + 1) * probability)
  if (successes > mode) {
    // Every term from `successes` up is past the mode: each smaller than the one before.
    let sum = 0
    for (let k = successes; k <= trials; k++) {
      const value = term(k)
      sum += value
      if (value <= sum * 1e-17) break
    }
    return Math.min(1, sum)
  }
  // The lower tail, from `successes − 1` down (below the mode, shrinking), taken from 1.
  let lower = 0
  for (let k = successes - 1; k >= 0; k--) {
    const value = term(k)
    lower += value
    if (value <= lower * 1e-17) break
  }
  return Math.min(1, Math.max(0, 1 - lower))
}
