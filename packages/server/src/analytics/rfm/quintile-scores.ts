/**
 * Quintile scores 1..5 by the share of values strictly below each value, so equal values always share a score
 * (with most customers on one order, they all get frequency score 1 rather than being split at random).
 *
 * @example
 * quintileScores([1, 1, 1, 2, 5]) // [1, 1, 1, 4, 5]
 */
export function quintileScores(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort()
  const n = sorted.length
  return values.map((value) => {
    // First position holding a value >= value: the count of values strictly below it.
    let low = 0
    let high = n
    while (low < high) {
      const middle = (low + high) >> 1
      if ((sorted[middle] as number) < value) low = middle + 1
      else high = middle
    }
    return 1 + Math.floor((5 * low) / n)
  })
}
