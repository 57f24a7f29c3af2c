/** An item as stored with a purchase or a refund: `price` in minor units of its currency. */
type StoredItem = { productId: string | null; name: string; quantity: number; price: number }

/** What a refund takes off one product: `key` is its productId, or its name when it has none. */
export type RefundedItem = { key: string; name: string; quantity: number; revenue: number }

/**
 * What a refund takes off each product's revenue and quantity, in minor units:
 * - a refund that names its items takes off each item's price × quantity, and its quantity;
 * - a refund of an order that names none takes off the refunded share of the order (its amount over the order's)
 *   from each of the order's items, so an order refunded in full leaves its products nothing; quantities go back
 *   only when the refund is of the whole order (a part of an order says no count of units);
 * - a refund of the customer alone that names no items lowers the totals only, no product.
 *
 * @example
 * refundedItems(500, null, 2000, '[{"productId":"tea","name":"Tea","quantity":4,"price":500}]')
 * // [{ key: 'tea', name: 'Tea', quantity: 0, revenue: 500 }]
 */
export function refundedItems(amount: number, itemsJson: string | null, orderAmount: number | null, orderItemsJson: string | null): RefundedItem[] {
  if (itemsJson !== null) {
    return (JSON.parse(itemsJson) as StoredItem[]).map((item) => ({
      key: item.productId ?? item.name,
      name: item.name,
      quantity: item.quantity,
      revenue: item.price * item.quantity,
    }))
  }
  if (orderItemsJson === null || orderAmount === null || orderAmount <= 0) return []
  const share = Math.min(1, amount / orderAmount)
  const whole = amount >= orderAmount
  return (JSON.parse(orderItemsJson) as StoredItem[]).map((item) => ({
    key: item.productId ?? item.name,
    name: item.name,
    quantity: whole ? item.quantity : 0,
    revenue: item.price * item.quantity * share,
  }))
}
