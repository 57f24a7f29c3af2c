/**
 * The `k` candidates with the highest score, highest first, in one pass (a short sorted list, not a full sort:
 * the candidates are often every customer while `k` is 10).
 *
 * @example
 * topK([0, 1, 2, 3], (i) => [5, 9, 1, 7][i]!, 2) // [1, 3]
 */
export function topK(candidates: Iterable<number>, score: (candidate: number) => number, k: number): number[] {
  const best: number[] = []
  const bestScores: number[] = []
  for (const candidate of candidates) {
    const value = score(candidate)
    if (k <= 0) return best
    if (best.length === k && value <= (bestScores[k - 1] as number)) continue
    let at = best.length === k ? k - 1 : best.length
    while (at > 0 && (bestScores[at - 1] as number) < value) {
      best[at] = best[at - 1] as number
      bestScores[at] = bestScores[at - 1] as number
      at--
    }
    best[at] = candidate
    bestScores[at] = value
  }
  return best
}
