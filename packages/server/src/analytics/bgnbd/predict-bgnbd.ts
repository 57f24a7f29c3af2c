import hyp2f1 from '@stdlib/math-base-special-hyp2f1'
import type { BgNbdParameters, CustomerHistory } from './customer-history'

// (a + b - 1) / (a - 1) is 0/0 at a = 1 while the limit is finite; a hair's breadth away the formula is exact enough.
function awayFromOne(a: number): number {
  return Math.abs(a - 1) < 1e-8 ? 1 + 1e-8 : a
}

/**
 * Odds that a customer with this history has dropped out rather than is still active but quiet: P(dead)/P(alive).
 */
function dropoutOdds({ r, alpha, a, b }: BgNbdParameters, { frequency: x, recency, age }: CustomerHistory): number {
  if (x === 0) return 0
  return (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + recency)))
}

/**
 * Probability that the customer is still active (Fader, Hardie & Lee 2005, eq. 11 as corrected in their note).
 * Customers without a repeat purchase are "alive" with probability 1 under BG/NBD: they cannot have dropped out yet.
 *
 * @example
 * probabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, age: 38.86 }) // 0.907
 */
export function probabilityAlive(parameters: BgNbdParameters, history: CustomerHistory): number {
  return 1 / (1 + dropoutOdds(parameters, history))
}

/**
 * Expected number of purchases of a new customer in (0, t], E[X(t)] (eq. 9).
 *
 * @example
 * expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 32) // 1.0437
 */
export function expectedPurchases({ r, alpha, a: rawA, b }: BgNbdParameters, t: number): number {
  const a = awayFromOne(rawA)
  const z = t / (alpha + t)
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))
}

/**
 * Expected purchases in the next `horizon` time units of a customer with this history, E[Y(t) | x, t_x, T] (eq. 10).
 *
 * @example
 * conditionalExpectedPurchases(cdnowParameters, { frequency: 2, recency: 30.43, age: 38.86 }, 39) // 1.226
 */
export function conditionalExpectedPurchases(
  parameters: BgNbdParameters,
  history: CustomerHistory,
  horizon: number,
): number {
  const { r, alpha, b } = parameters
  const a = awayFromOne(parameters.a)
  const { frequency: x, age } = history
  const z = horizon / (alpha + age + horizon)
  const survival = Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + age + horizon)))
  const expectedIfAlive =
    ((a + b + x - 1) / (a - 1)) * (1 - survival * hyp2f1(r + x, b + x, a + b + x - 1, z))
  return expectedIfAlive / (1 + dropoutOdds({ ...parameters, a }, history))
}
