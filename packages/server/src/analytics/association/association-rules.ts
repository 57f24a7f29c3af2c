export interface AssociationRule {
  antecedent: number
  consequent: number
  /** Baskets holding both items. */
  count: number
  /** Share of baskets holding both items. */
  support: number
  /** Share of the antecedent's baskets that also hold the consequent. */
  confidence: number
  /** Confidence over the consequent's own support: above 1, the items go together more than by chance. */
  lift: number
}

export interface AssociationRulesOptions {
  /** Least share of baskets an item and a pair must appear in. Default 0.001. */
  minSupport?: number
  /** Least confidence of a rule. Default 0. */
  minConfidence?: number
  /** Least lift of a rule. Default 0. */
  minLift?: number
  /** Most rules returned, strongest lift first. Default 1000. */
  maxRules?: number
  /** How pair counts are stored: a dense triangle (fast, k² memory) or a Map. Default: dense up to 4096 items. */
  pairStorage?: 'auto' | 'dense' | 'sparse'
}

export interface AssociationRules {
  baskets: number
  rules: AssociationRule[]
}

// Pair counts go in a dense triangular array up to this many frequent items (about 32 MB); beyond, a Map.
const DENSE_ITEM_LIMIT = 4096

/**
 * Item-pair association rules over baskets of integer item ids (0, 1, 2, ...): one pass to count items, one to count
 * the pairs of frequent items (an item below the support cannot be in a frequent pair, the Apriori property). Items
 * repeated in a basket count once. Both directions of every frequent pair are returned, by lift, then count.
 *
 * @example
 * associationRules([[0, 1], [0, 1], [0, 2], [1]], { minSupport: 0.5 }).rules
 * // [{ antecedent: 0, consequent: 1, count: 2, support: 0.5, confidence: 0.667, lift: 0.889 }, ...]
 */
export function associationRules(
  baskets: readonly (readonly number[])[],
  options: AssociationRulesOptions = {},
): AssociationRules {
  const total = baskets.length
  const minCount = Math.max(1, Math.ceil((options.minSupport ?? 0.001) * total))
  const minConfidence = options.minConfidence ?? 0
  const minLift = options.minLift ?? 0
  const maxRules = options.maxRules ?? 1000

  let largestItem = -1
  for (const basket of baskets) for (const item of basket) if (item > largestItem) largestItem = item
  const itemCounts = new Uint32Array(largestItem + 1)
  // seenIn[item] = 1 + index of the last basket the item was counted in: dedupes without a Set per basket.
  const seenIn = new Int32Array(largestItem + 1)
  baskets.forEach((basket, b) => {
    for (const item of basket) {
      if (seenIn[item] === b + 1) continue
      seenIn[item] = b + 1
      itemCounts[item] = (itemCounts[item] as number) + 1
    }
  })

  const denseIndex = new Int32Array(largestItem + 1).fill(-1)
  const frequentItems: number[] = []
  itemCounts.forEach((count, item) => {
    if (count >= minCount) {
      denseIndex[item] = frequentItems.length
      frequentItems.push(item)
    }
  })
  const k = frequentItems.length
  const storage = options.pairStorage ?? 'auto'
  const dense = storage === 'dense' || (storage === 'auto' && k <= DENSE_ITEM_LIMIT)
  const triangle = dense ? new Uint32Array((k * (k - 1)) / 2) : null
  const sparse = dense ? null : new Map<number, number>()
  // Row i of the upper triangle starts at i·k − i(i+1)/2; (i, j) with i < j sits at start + j − i − 1.
  const pairIndex = (i: number, j: number): number => i * k - (i * (i + 1)) / 2 + j - i - 1

  seenIn.fill(0)
  const present: number[] = []
  baskets.forEach((basket, b) => {
    present.length = 0
    for (const item of basket) {
      const index = denseIndex[item] as number
      if (index < 0 || seenIn[item] === b + 1) continue
      seenIn[item] = b + 1
      present.push(index)
    }
    if (present.length < 2) return
    present.sort((left, right) => left - right)
    for (let x = 0; x < present.length - 1; x++) {
      const i = present[x] as number
      for (let y = x + 1; y < present.length; y++) {
        const j = present[y] as number
        if (triangle) triangle[pairIndex(i, j)] = (triangle[pairIndex(i, j)] as number) + 1
        else if (sparse) sparse.set(i * k + j, (sparse.get(i * k + j) ?? 0) + 1)
      }
    }
  })

  const rules: AssociationRule[] = []
  const addRules = (i: number, j: number, count: number): void => {
    if (count < minCount) return
    const left = frequentItems[i] as number
    const right = frequentItems[j] as number
    for (const [antecedent, consequent] of [
      [left, right],
      [right, left],
    ] as const) {
      const confidence = count / (itemCounts[antecedent] as number)
      const lift = confidence / ((itemCounts[consequent] as number) / total)
      if (confidence >= minConfidence && lift >= minLift) {
        rules.push({ antecedent, consequent, count, support: count / total, confidence, lift })
      }
    }
  }
  if (triangle) {
    for (let i = 0; i < k - 1; i++) for (let j = i + 1; j < k; j++) addRules(i, j, triangle[pairIndex(i, j)] as number)
  } else if (sparse) {
    for (const [key, count] of sparse) addRules(Math.floor(key / k), key % k, count)
  }
  rules.sort((left, right) => right.lift - left.lift || right.count - left.count)
  return { baskets: total, rules: rules.slice(0, maxRules) }
}
