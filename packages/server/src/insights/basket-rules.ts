import { type AssociationRule, associationRules } from '../analytics'
import type { PurchaseLedger } from '../ledger'

/**
 * Product-pair rules over the order baskets of the year before `asOf` (products are the ledger's product indices).
 * The support floor is 0.5 % of baskets, and never under 10 baskets: a pair must be common enough to act on, and a
 * pair seen twice is not a "rule".
 *
 * @example
 * basketRules(ledger, Date.now()).rules[0] // { antecedent: 3, consequent: 7, lift: 4.2, confidence: 0.31, ... }
 */
export function basketRules(ledger: PurchaseLedger, asOf: number, days = 365): { baskets: number; rules: AssociationRule[] } {
  const end = ledger.countUntil(asOf)
  const start = ledger.countUntil(asOf - days * 86_400_000)
  const baskets: number[][] = []
  for (let i = start; i < end; i++) {
    const from = ledger.itemStart[i] as number
    const to = ledger.itemStart[i + 1] as number
    if (to > from) baskets.push(Array.from(ledger.itemProduct.subarray(from, to)))
  }
  if (baskets.length === 0) return { baskets: 0, rules: [] }
  return associationRules(baskets, { minSupport: Math.max(0.005, 10 / baskets.length), minLift: 1.2, minConfidence: 0.05, maxRules: 100 })
}
