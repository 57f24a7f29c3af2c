/**
 * Benjamini–Hochberg adjusted p-values (R's `p.adjust(p, 'BH')`), in the input's order: rejecting every hypothesis
 * whose adjusted p-value is at most q keeps the expected share of false discoveries among the rejections at most q
 * (for independent or positively dependent tests). Chosen over Holm for screening many products: Holm bounds the
 * chance of even one false lead, and with hundreds of products tested it misses real ones that BH finds.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = Array.from({ length: m }, (_, i) => i).sort((left, right) => (pValues[right] as number) - (pValues[left] as number))
  const adjusted = new Array<number>(m)
  // From the largest p-value down: p(i) × m / i, never above the one of a larger p-value (the step-up).
  let smallest = 1
  order.forEach((index, position) => {
    const rank = m - position
    smallest = Math.min(smallest, ((pValues[index] as number) * m) / rank)
    adjusted[index] = smallest
  })
  return adjusted
}
