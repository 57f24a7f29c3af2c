import { describe, expect, it } from 'vitest'
import { quintileScores } from './quintile-scores'

describe('quintileScores', () => {
  it('splits distinct values into fifths', () => {
    expect(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1])
  })

  it('gives tied values the same score', () => {
    expect(quintileScores([1, 1, 1, 2, 5])).toEqual([1, 1, 1, 4, 5])
  })
})
