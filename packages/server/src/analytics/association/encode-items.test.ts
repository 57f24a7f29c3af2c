import { describe, expect, it } from 'vitest'
import { encodeItems } from './encode-items'

describe('encodeItems', () => {
  it('numbers items in order of first appearance', () => {
    expect(encodeItems([['tea', 'cup'], ['tea'], ['saucer', 'cup']])).toEqual({
      baskets: [[0, 1], [0], [2, 1]],
      items: ['tea', 'cup', 'saucer'],
    })
  })
})
