import { describe, expect, it } from 'vitest'
import { associationRules } from './association-rules'

describe('associationRules', () => {
  // 10 baskets: item counts 1→7, 2→7, 3→4, 4→1; pairs (1,2)→5, (1,3)→3, (2,3)→1, (3,4)→1.
  const baskets = [
    [1, 2],
    [1, 2],
    [2, 1],
    [1, 2, 1],
    [1, 3],
    [3, 1],
    [2],
    [2],
    [3, 4],
    [1, 2, 3],
  ]

  it('computes support, confidence and lift of the frequent pairs, both ways', () => {
    const { rules, baskets: total } = associationRules(baskets, { minSupport: 0.2 })
    expect(total).toBe(10)
    const find = (a: number, c: number) => rules.find((rule) => rule.antecedent === a && rule.consequent === c)
    expect(rules).toHaveLength(4)
    expect(find(1, 2)).toMatchObject({ count: 5, support: 0.5 })
    expect(find(1, 2)?.confidence).toBeCloseTo(5 / 7, 12)
    expect(find(1, 2)?.lift).toBeCloseTo(5 / 7 / 0.7, 12)
    expect(find(3, 1)?.confidence).toBeCloseTo(3 / 4, 12)
    expect(find(3, 1)?.lift).toBeCloseTo(0.75 / 0.7, 12)
    expect(find(1, 3)?.lift).toBeCloseTo(3 / 7 / 0.4, 12)
    // (2, 3) and (3, 4) appear once, below the support of 2 baskets.
    expect(find(2, 3)).toBeUndefined()
    expect(find(3, 4)).toBeUndefined()
  })

  it('orders by lift and honours confidence and lift floors', () => {
    const { rules } = associationRules(baskets, { minSupport: 0.2 })
    expect(rules[0]?.lift).toBeGreaterThanOrEqual(rules[rules.length - 1]?.lift ?? 0)
    const confident = associationRules(baskets, { minSupport: 0.2, minConfidence: 0.72 }).rules
    expect(confident.map((rule) => [rule.antecedent, rule.consequent])).toEqual([[3, 1]])
    expect(associationRules(baskets, { minSupport: 0.2, minLift: 1.05 }).rules).toHaveLength(2)
  })

  it('finds a planted pair in many random baskets', () => {
    let state = 1
    const random = () => {
      state = (state * 48271) % 2147483647
      return state / 2147483647
    }
    const many = Array.from({ length: 20_000 }, () => {
      const basket = Array.from({ length: 1 + Math.floor(random() * 4) }, () => 2 + Math.floor(random() * 200))
      if (random() < 0.05) basket.push(0, 1)
      return basket
    })
    const top = associationRules(many, { minSupport: 0.001 }).rules[0]
    expect([top?.antecedent, top?.consequent].sort()).toEqual([0, 1])
    expect(top?.lift).toBeGreaterThan(10)
  })

  it('counts the same with dense and sparse pair storage', () => {
    const mixed = [...baskets, [5, 6, 7], [5, 6], [6, 7, 5, 5]]
    const dense = associationRules(mixed, { minSupport: 0.1, pairStorage: 'dense' })
    const sparse = associationRules(mixed, { minSupport: 0.1, pairStorage: 'sparse' })
    expect(sparse.rules.length).toBeGreaterThan(4)
    expect(sparse).toEqual(dense)
  })

  it('returns nothing for no baskets', () => {
    expect(associationRules([])).toEqual({ baskets: 0, rules: [] })
  })
})
