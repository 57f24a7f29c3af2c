/** A product the shop sells; prices in major units of the shop's currency. */
export interface Product {
  id: string
  name: string
  category: string
  price: number
}

export const CURRENCY = 'USD'

export const CATALOG: readonly Product[] = [
  { id: 'sku-espresso', name: 'Espresso beans 1 kg', category: 'Coffee', price: 24.9 },
  { id: 'sku-filter', name: 'Filter roast 500 g', category: 'Coffee', price: 13.5 },
  { id: 'sku-grinder', name: 'Hand grinder', category: 'Equipment', price: 89 },
  { id: 'sku-kettle', name: 'Gooseneck kettle', category: 'Equipment', price: 59 },
  { id: 'sku-cups', name: 'Ceramic cups (2)', category: 'Accessories', price: 18 },
]

/**
 * The product with `id`, or undefined.
 *
 * @example findProduct('sku-kettle')?.price // 59
 */
export function findProduct(id: string): Product | undefined {
  return CATALOG.find((product) => product.id === id)
}
