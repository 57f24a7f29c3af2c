import { describe, expect, it } from 'vitest'
import { topK } from './top-k'

describe('topK', () => {
  it('keeps the k highest, highest first, and the first of equals', () => {
    const scores = [5, 9, 1, 7, 9, 3]
    expect(topK(scores.keys(), (i) => scores[i]!, 3)).toEqual([1, 4, 3])
    expect(topK(scores.keys(), (i) => scores[i]!, 10)).toEqual([1, 4, 3, 0, 5, 2])
    expect(topK([], () => 0, 3)).toEqual([])
  })

  it('agrees with a full sort on random data', () => {
    const scores = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000)
    const expected = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, 10)
    expect(topK(scores.keys(), (i) => scores[i]!, 10)).toEqual(expected)
  })
})
