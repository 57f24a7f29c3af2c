import { createDenseIndex } from '../encoding/dense-index'

export interface EncodedBaskets {
  baskets: number[][]
  /** items[id] is the original identifier of item `id`. */
  items: string[]
}

/**
 * Replaces item identifiers (product ids, SKUs) by dense integers, as `associationRules` wants them.
 *
 * @example
 * encodeItems([['tea', 'cup'], ['tea']]) // { baskets: [[0, 1], [0]], items: ['tea', 'cup'] }
 */
export function encodeItems(baskets: readonly (readonly string[])[]): EncodedBaskets {
  const index = createDenseIndex<string>()
  const encoded = baskets.map((basket) => basket.map((item) => index.indexOf(item)))
  return { baskets: encoded, items: index.values }
}
