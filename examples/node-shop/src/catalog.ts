/** A product the shop sells; prices in major units of the shop's currency. */
export interface Product {
  id: string
  name: string
  category: string
  price: number
}

export const CURRENCY = 'USD'

// [id, name, category, price]
const ROWS: readonly [string, string, string, number][] = [
  ['sku-espresso', 'Espresso beans 1 kg', 'Coffee', 24.9],
  ['sku-filter', 'Filter roast 500 g', 'Coffee', 13.5],
  ['sku-grinder', 'Hand grinder', 'Equipment', 89],
  ['sku-kettle', 'Gooseneck kettle', 'Equipment', 59],
  ['sku-cups', 'Ceramic cups (2)', 'Accessories', 18],
]

export const CATALOG: readonly Product[] = ROWS.map(([id, name, category, price]) => ({ id, name, category, price }))

/**
 * The product with `id`, or undefined.
 *
 * @example findProduct('sku-kettle')?.price // 59
 */
export function findProduct(id: string): Product | undefined {
  return CATALOG.find((product) => product.id === id)
}
