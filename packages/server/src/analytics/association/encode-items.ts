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
  const ids = new Map<string, number>()
  const items: string[] = []
  const encoded = baskets.map((basket) =>
    basket.map((item) => {
      let id = ids.get(item)
      if (id === undefined) {
        id = items.length
        ids.set(item, id)
        items.push(item)
      }
      return id
    }),
  )
  return { baskets: encoded, items }
}
