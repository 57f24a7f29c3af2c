/** Money in major units: `19.99` or the decimal string `"19.99"`. */
export type Money = number | string

/** A timestamp as an ISO 8601 string or a `Date`. */
export type Timestamp = string | Date

/**
 * A new or updated user of your app (`POST /v1/users` in the contract).
 * `Traits` is your own interface; a plain `interface` type-checks without an index signature.
 */
export interface UserInput<Traits extends object = object> {
  userId: string
  name?: string
  email?: string
  phone?: string
  traits?: Traits
  createdAt?: Timestamp
  /** Your own idempotency id; one is generated when left out. */
  messageId?: string
}

/** One line of an order. */
export interface PurchaseItem {
  productId?: string
  name: string
  category?: string
  quantity?: number
  price: Money
}

interface PurchaseFields<Properties extends object> {
  orderId: string
  userId: string
  /** The order total in major units. */
  amount: Money
  /** ISO 4217 code such as `"USD"`. */
  currency: string
  /** When the purchase happened; defaults to the moment it was tracked. */
  timestamp?: Timestamp
  properties?: Properties
  /** Your own idempotency id; one is generated when left out. */
  messageId?: string
}

/** A purchase (`POST /v1/purchases` in the contract): `product` or `items` is required. */
export type PurchaseInput<Properties extends object = object> = PurchaseFields<Properties> &
  ({ product: string; items?: PurchaseItem[] } | { product?: string; items: PurchaseItem[] })
