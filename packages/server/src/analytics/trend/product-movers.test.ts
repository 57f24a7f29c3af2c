import { describe, expect, it } from 'vitest'
import { normalFrom, seededRandom } from '../../../test/fixtures/seeded-random'
import { rankProductMovers } from './product-movers'

describe('rankProductMovers', () => {
  const random = seededRandom(3)
  const noisy = (level: number, slope: number) =>
    Array.from({ length: 26 }, (_, t) => Math.max(0, level + slope * t + level * 0.05 * normalFrom(random)))
  const products = [
    { productId: 'steady', values: noisy(100, 0) },
    { productId: 'small-riser', values: noisy(10, 0.6) },
    { productId: 'big-riser', values: noisy(1000, 10) },
    { productId: 'faller', values: noisy(200, -5) },
    { productId: 'empty', values: new Array<number>(26).fill(0) },
  ]

  it('ranks by slope relative to the product size', () => {
    const { rising, falling } = rankProductMovers(products)
    expect(rising.map((movement) => movement.productId)).toEqual(['small-riser', 'big-riser'])
    expect(falling.map((movement) => movement.productId)).toEqual(['faller'])
    expect(falling[0]?.halfOverHalf.change).toBeLessThan(0)
  })

  it('leaves out products without a significant trend', () => {
    const { rising, falling } = rankProductMovers(products)
    const listed = [...rising, ...falling].map((movement) => movement.productId)
    expect(listed).not.toContain('steady')
    expect(listed).not.toContain('empty')
  })
})
