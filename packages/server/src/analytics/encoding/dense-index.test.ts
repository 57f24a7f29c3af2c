import { describe, expect, it } from 'vitest'
import { createDenseIndex } from './dense-index'

describe('createDenseIndex', () => {
  it('numbers values in order of first appearance and remembers them', () => {
    const index = createDenseIndex<number>()
    expect([7.5, 3, 7.5, 9].map((value) => index.indexOf(value))).toEqual([0, 1, 0, 2])
    expect(index.values).toEqual([7.5, 3, 9])
  })
})
